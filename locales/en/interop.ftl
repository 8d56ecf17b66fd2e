# Interop: OSCAL assessment results, the IPA NFR grade sheet, filled questionnaires

interop-oscal-title = Amazon Connect non-functional requirements: assessment results{ $customer ->
    [none] {""}
   *[other] {" "}for { $customer }
}
interop-oscal-plan-title = The buyer's requirements (stands in for the assessment plan)
interop-oscal-plan-description = The requirements file { $file } that this assessment compares the evidence with; there is no separate assessment plan.
interop-oscal-result-title = shoko assessment of the deployment against the buyer's requirements
interop-oscal-result-description = { $requirements } requirement(s) compared with the evidence as of { $as_of }: each requirement is a finding, each claim an observation, each gap a risk.
interop-oscal-finding-description = Requirement: { $expect }. Result: { $status }.
interop-oscal-risk-title = Gap: { $requirement } ({ $category })
interop-oscal-remedy-title = Remedy: { $remedy }

# The IPA 非機能要求グレード sheet of the evidence pack (nfr-grade.csv). The
# sheet is for Japanese reviewers: its column names are the grade's own.
interop-grade-col-id = Item number
interop-grade-col-major = Major item
interop-grade-col-middle = Middle item
interop-grade-col-item = Minor item
interop-grade-col-metric = Metric
interop-grade-col-level = Mapping level
interop-grade-col-answer-ja = shoko's answer (Japanese)
interop-grade-col-answer-en = shoko's answer
interop-grade-col-status = Status
interop-grade-col-strength = Evidence strength
interop-grade-col-sources = Sources
interop-grade-col-requirements = Requirements
interop-grade-answer = { $category } · { $property }: { $value } ({ $provenance })
interop-grade-no-requirement = No requirement
interop-grade-level-metric = Metric (item number confirmed)
interop-grade-level-middle = Middle item (the metric could not be confirmed against IPA's own material)
interop-grade-terms = Item numbers and names are IPA's; terms of use: { $terms }

# shoko fill: the buyer's questionnaire, answered
interop-fill-evidence = Evidence (evidence pack files and SHA-256):
interop-fill-report-title = { $file }: questions answered and left blank
interop-fill-report-counts = { $answered } question(s) answered from the evidence; { $blank } left blank (below, with the reason). Answers follow the verdicts: a gap, a review or missing evidence is never answered Yes.
interop-fill-col-sheet = Sheet
interop-fill-col-row = Row
interop-fill-col-id = Question ID
interop-fill-col-reason = Why it was left blank
interop-fill-blank-unmapped = shoko has no answer for this question ID (not a CAIQ v4 ID shoko answers, and not in the mapping file)
interop-fill-blank-unknown-target = the mapping file maps it to { $target }, which shoko does not answer
interop-fill-blank-not-in-list = the answer would be { $answer }, but the sheet's list allows only: { $allowed }

# shoko fill: the short text of the explanation cell (mark, one sentence,
# sources); the long explanation stays in the pack's questionnaire.xlsx.
interop-fill-short = [{ $mark }] { $sentence } [Sources: { $sources }]
interop-fill-short-bare = [{ $mark }] { $sentence }
interop-fill-short-met = Every requirement mapped to this control is met ({ $requirements }).
interop-fill-short-gap = Not met; remedy: { $remedies }.
interop-fill-short-gap-bare = Not met ({ $requirements }).
interop-fill-short-remedy = { $requirement } { $remedy }
interop-fill-short-sep = {", "}
interop-fill-short-review = The evidence cannot be compared mechanically, so a reviewer must confirm it ({ $requirements }).
interop-fill-short-unverified = Not yet backed by settled evidence ({ $requirements }).
interop-fill-short-not-applicable = The mapped properties do not apply ({ $requirements }).
interop-fill-short-none = No requirement concerns this control, so nothing was compared; a reviewer must judge from the facts in the evidence pack.
interop-fill-long = Full explanation: questionnaire.xlsx in the evidence pack ({ $id })
