# 相互運用: OSCAL 評価結果、IPA 非機能要求グレード、記入済みの質問票

interop-oscal-title = Amazon Connect 非機能要件の評価結果{ $customer ->
    [none] {""}
   *[other] （{ $customer }）
}
interop-oscal-plan-title = お客様の要件（評価計画に代わるもの）
interop-oscal-plan-description = この評価で証拠と照合した要件ファイル { $file }。別の評価計画はありません。
interop-oscal-result-title = お客様の要件に対するデプロイメントの shoko による評価
interop-oscal-result-description = { $as_of } 時点の証拠と照合した要件 { $requirements } 件。要件ごとに 1 つの所見（finding）、主張ごとに 1 つの観察（observation）、不適合ごとに 1 つのリスク（risk）です。
interop-oscal-finding-description = 要件: { $expect }。結果: { $status }。
interop-oscal-risk-title = 不適合: { $requirement }（{ $category }）
interop-oscal-remedy-title = 対処: { $remedy }

# 証拠パックの IPA 非機能要求グレード表（nfr-grade.csv）
interop-grade-col-id = 項番
interop-grade-col-major = 大項目
interop-grade-col-middle = 中項目
interop-grade-col-item = 小項目
interop-grade-col-metric = メトリクス
interop-grade-col-level = 対応付けの粒度
interop-grade-col-answer-ja = shoko の回答
interop-grade-col-answer-en = shoko の回答（英語）
interop-grade-col-status = 状況
interop-grade-col-strength = 証拠の強さ
interop-grade-col-sources = 出典番号
interop-grade-col-requirements = 要件
interop-grade-answer = { $category }・{ $property }: { $value }（{ $provenance }）
interop-grade-no-requirement = 要件なし
interop-grade-level-metric = メトリクス（項番を確認済み）
interop-grade-level-middle = 中項目（メトリクスの項番を IPA の資料で確認できていないため）
interop-grade-terms = 項番と項目名は IPA の非機能要求グレードによります。利用条件: { $terms }

# shoko fill: お客様の質問票への記入
interop-fill-evidence = 証跡（証拠パックのファイルと SHA-256）:
interop-fill-report-title = { $file }: 回答した質問と空欄のままの質問
interop-fill-report-counts = 証拠から回答した質問は { $answered } 件、空欄のままの質問は { $blank } 件です（理由は下表）。回答は判定に従います。不適合、要確認、証拠不足の質問に「はい」と答えることはありません。
interop-fill-col-sheet = シート
interop-fill-col-row = 行
interop-fill-col-id = 質問 ID
interop-fill-col-reason = 空欄の理由
interop-fill-blank-unmapped = この質問 ID に対する shoko の回答がありません（shoko が回答する CAIQ v4 の ID ではなく、対応付けファイルにもありません）
interop-fill-blank-unknown-target = 対応付けファイルでは { $target } に対応付けられていますが、shoko はこの ID に回答しません
interop-fill-blank-not-in-list = 回答は { $answer } になりますが、シートの選択肢は次のものだけです: { $allowed }

# shoko fill: the short text of the explanation cell (mark, one sentence,
# sources); the long explanation stays in the pack's questionnaire.xlsx.
interop-fill-short = 【{ $mark }】{ $sentence }［出典: { $sources }］
interop-fill-short-bare = 【{ $mark }】{ $sentence }
interop-fill-short-met = 対応する要件をすべて満たしています（{ $requirements }）。
interop-fill-short-gap = 要件を満たしておらず、対応策は { $remedies } です。
interop-fill-short-gap-bare = 要件を満たしていません（{ $requirements }）。
interop-fill-short-remedy = { $requirement }: { $remedy }
interop-fill-short-sep = 、
interop-fill-short-review = 証跡を機械的に比較できないため、担当者による確認が必要です（{ $requirements }）。
interop-fill-short-unverified = 確定した証跡による裏付けがまだありません（{ $requirements }）。
interop-fill-short-not-applicable = 対応するプロパティはこのデータに当てはまりません（{ $requirements }）。
interop-fill-short-none = この管理策に関わる要件がないため比較は行っておらず、担当者が証跡パックの事実をもとに判断する必要があります。
interop-fill-long = 詳しい説明: 証跡パックの questionnaire.xlsx（{ $id }）
