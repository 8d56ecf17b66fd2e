# Evidence pack: questionnaire answers (CSA CAIQ v4 layout)

pack-col-question-id = Question ID
pack-col-question-ja = Question, in shoko's words (Japanese; not the CSA's text)
pack-col-question-en = Question, in shoko's words (not the CSA's text)
pack-col-answer = CSP CAIQ Answer
pack-col-ownership = SSRM Control Ownership
pack-col-implementation-ja = CSP Implementation Description (Japanese)
pack-col-implementation-en = CSP Implementation Description
pack-col-customer-ja = CSC Responsibilities (Japanese)
pack-col-customer-en = CSC Responsibilities
pack-col-evidence = Evidence references (pack file and SHA-256)
pack-col-ccm = CCM Control ID
pack-col-iso27001 = ISO/IEC 27001:2022 Annex A
pack-col-iso27017 = ISO/IEC 27017
pack-col-ipa = IPA Non-Functional Requirements Grade
pack-col-status = Status
pack-col-requirements = Requirements

pack-basis-met = Yes: every requirement mapped to this control is met ({ $requirements }).
pack-basis-gap = No: gap found ({ $requirements }); the remedy for each is given below.
pack-basis-review = No until reviewed: the evidence cannot be compared mechanically ({ $requirements }); a reviewer must read it before answering Yes.
pack-basis-unverified = No until evidence is supplied: not backed by settled evidence yet ({ $requirements }).
pack-basis-not-applicable = NA: the mapped properties do not apply ({ $requirements }).
pack-basis-none = No until reviewed: no requirement concerns this control, so nothing was compared; the facts below describe the deployment for a reviewer to judge.
pack-line-verdict = { $requirement } · { $category }: { $status }{ $remedy }. { $explanation }
pack-line-remedy = {" "}({ $remedy })
pack-line-claim = { $category } · { $property }: { $value } ({ $provenance }). { $explain }
pack-customer-remedy = { $requirement } · { $category }: { $remedy }
