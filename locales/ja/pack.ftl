# 証跡パック：セキュリティ質問票への回答（CSA CAIQ v4 の様式）

pack-col-question-id = 質問ID
pack-col-question-ja = 質問（shoko による要約。CSA の原文ではありません）
pack-col-question-en = 質問（英語、shoko による要約。CSA の原文ではありません）
pack-col-answer = 回答
pack-col-ownership = SSRM 管理責任
pack-col-implementation-ja = 実装の説明
pack-col-implementation-en = 実装の説明（英語）
pack-col-customer-ja = お客様の責任範囲
pack-col-customer-en = お客様の責任範囲（英語）
pack-col-evidence = 証跡の参照（パック内ファイルと SHA-256）
pack-col-ccm = CCM 管理策ID
pack-col-iso27001 = ISO/IEC 27001:2022 附属書A
pack-col-iso27017 = ISO/IEC 27017
pack-col-ipa = IPA 非機能要求グレード
pack-col-status = 判定
pack-col-requirements = 要件

pack-basis-met = Yes：この管理策に対応する要件はすべて満たしています（{ $requirements }）。
pack-basis-gap = No：ギャップがあります（{ $requirements }）。それぞれの対応策は下記のとおりです。
pack-basis-review = 確認が済むまで No：証跡を機械的に比較できません（{ $requirements }）。Yes と回答する前に担当者が内容を確認してください。
pack-basis-unverified = 証跡がそろうまで No：確定した証跡による裏付けがまだありません（{ $requirements }）。
pack-basis-not-applicable = NA：対応するプロパティはこのデータに当てはまりません（{ $requirements }）。
pack-basis-none = 確認が済むまで No：この管理策に関わる要件がないため比較は行っていません。以下の事実をもとに担当者が判断してください。
pack-line-verdict = { $requirement }・{ $category }：{ $status }{ $remedy }。{ $explanation }
pack-line-remedy = （{ $remedy }）
pack-line-claim = { $category }・{ $property }：{ $value }（{ $provenance }）。{ $explain }
pack-customer-remedy = { $requirement }・{ $category }：{ $remedy }
