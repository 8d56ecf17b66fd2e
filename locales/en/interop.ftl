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
interop-grade-answer = { $category } · { $property }: { $value } ({ $provenance })
interop-grade-no-requirement = No requirement
interop-grade-level-metric = Metric (item number confirmed)
interop-grade-level-middle = Middle item (the metric could not be confirmed against IPA's own material)
interop-grade-terms = Item numbers and names are IPA's; terms of use: { $terms }
