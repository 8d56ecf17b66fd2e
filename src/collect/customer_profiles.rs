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
//! `DefaultEncryptionKey`); then the domain's object types,
//! `ListProfileObjectTypes` (every page; its items carry no expiry) and
//! `GetProfileObjectType` for each (`ExpirationDays`, `EncryptionKey`:
//! a type's own values take precedence for its objects).
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
            let got = ctx
                .call(req, None, |cap| {
                    let (c, d) = (c.clone(), d.clone());
                    async move {
                        c.get_domain()
                            .domain_name(d)
                            .customize()
                            .interceptor(cap)
                            .send()
                            .await
                    }
                })
                .await;
            if got.is_ok() {
                object_types(ctx, &c, region, account, id, &d).await;
            }
        }
    }))
    .await;
}

/// The object types of one domain (every page), then each one's settings.
async fn object_types(
    ctx: &Ctx,
    client: &aws_sdk_customerprofiles::Client,
    region: &str,
    account: &str,
    id: &str,
    domain: &str,
) {
    let names: Vec<String> = every_page(|token| {
        let mut req = Req::new("profile:ListProfileObjectTypes", region, account, Some(id))
            .param("DomainName", domain);
        if let Some(t) = &token {
            req = req.param("NextToken", t.clone());
        }
        let (c, d) = (client.clone(), domain.to_string());
        async move {
            let page = ctx
                .call(req, None, |cap| async move {
                    c.list_profile_object_types()
                        .domain_name(d)
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
                .map(|i| i.object_type_name().to_string())
                .collect();
            Some((names, page.next_token().map(str::to_string)))
        }
    })
    .await;
    let names: BTreeSet<String> = names.into_iter().collect();
    futures::future::join_all(names.into_iter().map(|t| {
        let req = Req::new("profile:GetProfileObjectType", region, account, Some(id))
            .param("DomainName", domain)
            .param("ObjectTypeName", &t);
        let (c, d) = (client.clone(), domain.to_string());
        async move {
            let _ = ctx
                .call(req, None, |cap| async move {
                    c.get_profile_object_type()
                        .domain_name(d)
                        .object_type_name(t)
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
