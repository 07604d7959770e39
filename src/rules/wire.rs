//! One declaration for each enum whose values have stable wire names (RULES.md ids and
//! values): the enum, `ALL` in declaration order, `as_str` and `parse`.
//!
//! The declaration order is also the enums' order (`Ord`), which the verdict (the greatest
//! status wins) and the findings (report order) rely on.

/// Declares a public enum whose variants each carry their wire name.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $wire:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$($wire),+].len()] = [$($name::$variant),+];

            /// The wire names, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($wire),+];

            /// The stable wire name.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire,)+
                }
            }

            /// The value of a wire name, if it is one.
            #[must_use]
            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($wire => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}
