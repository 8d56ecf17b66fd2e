# Buyer-facing additions of issue 17 (English)

remedy-configure-owned = This is a setting of a resource in your own AWS account (a bucket, log group or stream), so you can change it there; no catalog entry says how, so check the resource's own settings.
remedy-control-unknown = shoko cannot tell who controls this value: confirm with the operator whether a setting changes it; if none does, the requirement itself needs to be discussed.
untranslated = { $text } (untranslated: given in Japanese only)
remedy-design-owned-exit = Deleting the instance leaves this resource (a bucket, log group or stream) in your own AWS account: make its deletion a step of your exit procedure.
reason-not-in-use = The operator declares that this feature is not in use ({ $evidence }), so the requirement does not apply to it.
