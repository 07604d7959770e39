/** An answer: "yes", "no" or "unknown"; `transfer_kind` and `assurances_subject` take their own values (RULES.md). */
export type AnswerValue = string;

/** An answers file (RULES.md, "Answers file"). `evaluate` reads any value strictly and throws on a bad one. */
export interface AnswersFile {
  format: "assurance-check/answers";
  version: 1;
  answers: Record<string, AnswerValue>;
  notes?: Record<string, string>;
  /** The case (RULES.md v2): each field at most 200 characters. */
  case?: CaseFields;
}

export interface CaseFields {
  reference?: string;
  prepared_by?: string;
}

export type Verdict = "barred" | "undetermined" | "not_indicated";

export type Status = "established" | "not_established" | "unresolved";

/** The report object of RULES.md, what `evaluate` returns. */
export interface Report {
  verdict: Verdict;
  circumstances: CircumstanceRow[];
  open_questions: OpenQuestionRow[];
  findings: FindingRow[];
  rules_version: string;
}

/** One of the six circumstances of R2 with its status. */
export interface CircumstanceRow {
  id: string;
  status: Status;
  cites: string;
  authorities: AuthorityRow[];
}

/** An authority behind a reason (RULES.md v2, "Authorities"); `point` is in the chosen language. */
export interface AuthorityRow {
  id: string;
  name: string;
  body: string;
  number: string;
  date: string;
  /** Present only where the paragraph was checked. */
  pinpoint?: string;
  point: string;
}

/** A question that would establish a circumstance if answered yes. */
export interface OpenQuestionRow {
  question: string;
  would_establish: string;
  together_with?: string[];
}

/** A finding with its citation and its text in the chosen language. */
export interface FindingRow {
  id: string;
  cites: string;
  text: string;
  question?: string;
  authorities: AuthorityRow[];
}

/** The questionnaire in one language, what `questions` returns. */
export interface Questionnaire {
  lang: string;
  dir: "ltr" | "rtl";
  sections: SectionText[];
}

export interface SectionText {
  id: string;
  title: string;
  questions: QuestionEntry[];
}

export interface QuestionEntry {
  id: string;
  text: string;
  short: string;
  help: string;
  cites: string;
  options: OptionEntry[];
  /** `null` when the question is always shown. */
  shown_when: Condition | null;
}

export interface OptionEntry {
  value: AnswerValue;
  label: string;
}

/** Shown when `question`'s answer is (`any_of`) or is not (`none_of`) one of the values. */
export interface Condition {
  question: string;
  any_of?: AnswerValue[];
  none_of?: AnswerValue[];
}
