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
