//! The wasm build's global allocator: power-of-two size classes with one free list each.
//!
//! Why not the default (dlmalloc): it is some 7 KB of code, an eighth of the widget's code,
//! and the widget needs none of its cleverness. The widget is single-threaded, allocates
//! small strings and vectors, and frees them on the next redraw; a freed block serves the
//! next request of its class. The price is up to half of each block unused, a few hundred
//! kilobytes at worst for the largest answers file.
//!
//! Blocks of at most 16-byte alignment come from the free list of their class or from the
//! bump region; a block that needs more alignment always comes from the bump region (none of
//! this crate's types need it). Memory is never returned to the browser: wasm cannot shrink.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32::memory_grow;
use core::cell::Cell;
use core::ptr::null_mut;

const PAGE: usize = 65536;
/// The smallest block, and the alignment every block has.
const MIN_BLOCK: usize = 16;
/// Classes 16 B, 32 B, … 2 GiB: everything a 32-bit address space can hold.
const CLASSES: usize = 28;

/// The allocator's state. Cells, not locks: wasm32 here has one thread.
pub struct SizeClasses {
    /// Head of each class's list of free blocks; a free block's first word is the next one.
    free: [Cell<*mut u8>; CLASSES],
    /// The unused rest of the memory grown last.
    next: Cell<usize>,
    end: Cell<usize>,
}

// SAFETY: the wasm build has one thread (no atomics, no shared memory), so the cells are
// never touched concurrently.
unsafe impl Sync for SizeClasses {}

impl SizeClasses {
    /// An allocator with no memory yet.
    pub const fn new() -> Self {
        Self {
            free: [const { Cell::new(null_mut()) }; CLASSES],
            next: Cell::new(0),
            end: Cell::new(0),
        }
    }

    /// Takes `size` bytes aligned to `align` from the bump region, growing memory when it
    /// is used up. Null when the browser refuses more memory.
    fn bump(&self, size: usize, align: usize) -> *mut u8 {
        let start = self.next.get().next_multiple_of(align);
        match start.checked_add(size) {
            Some(stop) if stop <= self.end.get() => {
                self.next.set(stop);
                start as *mut u8
            }
            _ => self.grow(size, align),
        }
    }

    /// Grows memory by enough pages for `size` bytes at `align` and takes them from there,
    /// continuing the bump region when nothing else grew memory in between.
    fn grow(&self, size: usize, align: usize) -> *mut u8 {
        let Some(pages) = size.checked_add(align).map(|n| n.div_ceil(PAGE)) else {
            return null_mut();
        };
        let old = memory_grow(0, pages);
        if old == usize::MAX {
            return null_mut();
        }
        let fresh = old * PAGE;
        let from = if self.end.get() == fresh {
            self.next.get()
        } else {
            fresh
        };
        let start = from.next_multiple_of(align);
        self.next.set(start + size);
        self.end
            .set(fresh.saturating_add(pages.saturating_mul(PAGE)));
        start as *mut u8
    }
}

/// The class of a layout and its block size, or `None` when no block can hold it.
fn class(layout: Layout) -> Option<(usize, usize)> {
    let block = layout
        .size()
        .max(layout.align())
        .max(MIN_BLOCK)
        .checked_next_power_of_two()?;
    let index = (block.trailing_zeros() - MIN_BLOCK.trailing_zeros()) as usize;
    (index < CLASSES).then_some((index, block))
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some((index, block)) = class(layout) else {
            return null_mut();
        };
        let head = &self.free[index];
        let first = head.get();
        if layout.align() <= MIN_BLOCK && !first.is_null() {
            // SAFETY: a free block of this class holds the address of the next one.
            head.set(unsafe { first.cast::<*mut u8>().read() });
            return first;
        }
        self.bump(block, layout.align().max(MIN_BLOCK))
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if let Some((index, _)) = class(layout) {
            let head = &self.free[index];
            // SAFETY: the block is at least 16 bytes, 16-aligned, and no longer in use.
            unsafe { ptr.cast::<*mut u8>().write(head.get()) };
            head.set(ptr);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `new_size` with this alignment is a valid layout.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(layout).map(|c| c.1) == class(new_layout).map(|c| c.1) {
            return ptr;
        }
        // SAFETY: as for `alloc`; the old block is valid for `layout.size()` bytes.
        unsafe {
            let new = self.alloc(new_layout);
            if !new.is_null() {
                ptr.copy_to_nonoverlapping(new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}
