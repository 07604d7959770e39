// What the case-work tests share (issue 14): the pages, the ways to open them, the words they
// expect in each language, and the case they enter. Chromium: casework.test.mjs; Firefox ESR:
// casework-firefox.test.mjs.
import { url } from "./static-page.mjs";

export const FILES = { en: "assurance-check.html", ar: "assurance-check.ar.html" };
/** Each page, from file:// and served. */
export const ways = (server) => [
  { lang: "en", how: "file://", at: () => url(FILES.en) },
  { lang: "ar", how: "served", at: () => `${server().origin}/${FILES.ar}` },
  { lang: "en", how: "served", at: () => `${server().origin}/${FILES.en}` },
  { lang: "ar", how: "file://", at: () => url(FILES.ar) },
];

/** What the tests expect to read, in each language: the catalogs' words, written out here. */
export const WORDS = {
  en: {
    saved: "Answers saved as",
    replaced: "It replaced your answers and notes.",
    undone: "The previous answers and notes are back.",
    undo: "Undo",
    rtf: "Download editable report (RTF)",
    advice: "does not name the client",
    pageOne: "page 1 of",
    source: "Call for Action against the Use of Diplomatic Assurances in Transfers to Risk of Torture and Ill-Treatment",
    caseLabel: "Case reference",
  },
  ar: {
    saved: "حُفظت الإجابات باسم",
    replaced: "حلّ محلّ إجاباتك وملاحظاتك.",
    undone: "أُعيدت إجاباتك وملاحظاتك السابقة.",
    undo: "تراجع",
    rtf: "تنزيل التقرير القابل للتحرير (RTF)",
    advice: "لا يذكر اسم الموكّل",
    pageOne: "صفحة 1 من",
    // The statement's own title stays in English, isolated, in the Arabic citation (its
    // words as far as the line break, which pdftotext reads apart from the rest).
    source: "Call for Action against the Use of Diplomatic Assurances",
    caseLabel: "مرجع القضية",
  },
};

export const ANSWERS = {
  transfer_kind: "extradition",
  assurances_subject: "both",
  systematic_torture: "yes",
  group_targeted: "yes",
  person_in_group: "unknown",
  tribunal_review: "no",
};
export const NOTE = "CAT/C/XXX/CO/1, para 12";
export const REFERENCE = "R (Othman) v SSHD 2012/07";
export const PREPARER = "J. Doe, counsel";
