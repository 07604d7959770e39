// What an integrator writes against pkg/ (tests/e2e/pkg.test.mjs type-checks it with tsc
// --strict): the JS API's types are declared, not `any`.
import { initSync, evaluate, questions } from "../../pkg/assurance_check.js";
import type { AnswersFile, Report, Questionnaire, Verdict } from "../../pkg/assurance_check.js";

export function run(wasm: BufferSource): Verdict {
  initSync({ module: wasm });
  const file: AnswersFile = {
    format: "assurance-check/answers",
    version: 1,
    answers: { systematic_torture: "yes" },
  };
  const report: Report = evaluate(file, "fr");
  const cites: string[] = report.circumstances.map((c) => c.cites);
  const firstQuestion: string | undefined = report.open_questions[0]?.question;
  const q: Questionnaire = questions();
  const rtl: boolean = q.dir === "rtl";
  // @ts-expect-error: the verdict is one of three strings, not a number
  const wrong: number = report.verdict;
  // @ts-expect-error: a report has no such field
  report.score;
  // @ts-expect-error: an answers file needs its format
  evaluate({ version: 1, answers: {} });
  void [cites, firstQuestion, rtl, wrong];
  return report.verdict;
}
