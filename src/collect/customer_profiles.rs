//! Amazon Connect Customer Profiles: the domain associated with an instance
//! and its settings.
//!
//! Connect exposes no call that names the domain (its
//! `ListIntegrationAssociations` types have none for Customer Profiles).
//! The association is a Customer Profiles integration: `PutIntegration`
//! "adds an integration between the service and a third-party service,
//! which includes Amazon AppFlow and Amazon Connect", its `Uri` being the
//! data source, here the instance ARN (Customer Profiles API reference,
//! API_PutIntegration.html); `ListAccountIntegrations` "lists all of the
//! integrations associated to a specific URI in the AWS account". So:
//! `ListAccountIntegrations` with `Uri` = the instance ARN, every page,
//! gives the domain name; then `GetDomain` (`DefaultExpirationDays`,
//! `DefaultEncryptionKey`). Object types' own `ExpirationDays` are not
//! collected (`ListProfileObjectTypes` items do not carry it; it would take
//! a `GetProfileObjectType` per type): the claim says so.
//! The answers are the evidence; `observe::customer_profiles` reads them.

use super::connect::every_page;
use super::{client_for, Ctx, Req};
use std::collections::BTreeSet;

/// The Customer Profiles domain(s) of one instance, and their settings.
pub(crate) async fn domain(ctx: &Ctx, region: &str, account: &str, id: &str, instance_arn: &str) {
    let client = client_for!(
        ctx,
        profile,
        aws_sdk_customerprofiles,
        "customerprofiles",
        region
    );
    let domains: Vec<String> = every_page(|token| {
        let mut req = Req::new("profile:ListAccountIntegrations", region, account, Some(id))
            .param("Uri", instance_arn);
        if let Some(t) = &token {
            req = req.param("NextToken", t.clone());
        }
        let (c, uri) = (client.clone(), instance_arn.to_string());
        async move {
            let page = ctx
                .call(req, None, |cap| async move {
                    c.list_account_integrations()
                        .uri(uri)
                        .set_next_token(token)
                        .customize()
                        .interceptor(cap)
                        .send()
                        .await
                })
                .await
                .ok()?;
            let names = page
                .items()
                .iter()
                .map(|i| i.domain_name().to_string())
                .collect();
            Some((names, page.next_token().map(str::to_string)))
        }
    })
    .await;
    let domains: BTreeSet<String> = domains.into_iter().collect();
    futures::future::join_all(domains.into_iter().map(|d| {
        let req = Req::new("profile:GetDomain", region, account, Some(id)).param("DomainName", &d);
        let c = client.clone();
        async move {
            let _ = ctx
                .call(req, None, |cap| async move {
                    c.get_domain()
                        .domain_name(d)
                        .customize()
                        .interceptor(cap)
                        .send()
                        .await
                })
                .await;
        }
    }))
    .await;
}
