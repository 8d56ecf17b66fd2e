//! Amazon Connect flows and flow modules: list them (every page), then
//! fetch the content of each active one for the flow analysis
//! (`crate::observe::flows` reads them back from the snapshot), and list
//! the flows where contacts start (`ListFlowAssociations`).

use super::connect::{every_page, paged_req};
use super::{Ctx, Req};
use aws_sdk_connect::types::{ContactFlowModuleState, ContactFlowState};
use futures::future::join_all;

/// Every page of a listing, then one description per item: the ids the
/// pages return are sorted and deduplicated, and each is described (all at
/// once; the runner bounds and paces the calls).
async fn list_then_describe<L, LF, D, DF>(list: L, describe: D)
where
    L: FnMut(Option<String>) -> LF,
    LF: std::future::Future<Output = Option<(Vec<String>, Option<String>)>>,
    D: Fn(String) -> DF,
    DF: std::future::Future<Output = ()>,
{
    let mut ids = every_page(list).await;
    ids.sort();
    ids.dedup();
    join_all(ids.into_iter().map(describe)).await;
}

/// The flows and flow modules of an instance: list them (every page), then
/// fetch the content of each active one. The content is the flow language
/// JSON that the flow analysis reads from the snapshot; archived flows and
/// modules no longer run, so they are not fetched.
pub(super) async fn flows(
    ctx: &Ctx,
    client: &aws_sdk_connect::Client,
    region: &str,
    account: &str,
    id: &str,
) {
    let describe = |iam: &'static str, param: &'static str, fid: String| {
        Req::new(iam, region, account, Some(id))
            .param("InstanceId", id)
            .param(param, fid)
    };
    let flows = list_then_describe(
        |token| {
            let req = paged_req("connect:ListContactFlows", region, account, id, &token);
            let (c, i2) = (client.clone(), id.to_string());
            async move {
                let page = ctx
                    .call(req, None, |cap| async move {
                        c.list_contact_flows()
                            .instance_id(i2)
                            .set_next_token(token)
                            .customize()
                            .interceptor(cap)
                            .send()
                            .await
                    })
                    .await
                    .ok()?;
                let ids = page
                    .contact_flow_summary_list()
                    .iter()
                    .filter(|s| s.contact_flow_state() != Some(&ContactFlowState::Archived))
                    .filter_map(|s| s.id().map(str::to_string))
                    .collect();
                Some((ids, page.next_token().map(str::to_string)))
            }
        },
        |fid| {
            let req = describe("connect:DescribeContactFlow", "ContactFlowId", fid.clone());
            let (c, i2) = (client.clone(), id.to_string());
            async move {
                let _ = ctx
                    .call(req, None, |cap| async move {
                        c.describe_contact_flow()
                            .instance_id(i2)
                            .contact_flow_id(fid)
                            .customize()
                            .interceptor(cap)
                            .send()
                            .await
                    })
                    .await;
            }
        },
    );
    let modules = list_then_describe(
        |token| {
            let req = paged_req(
                "connect:ListContactFlowModules",
                region,
                account,
                id,
                &token,
            );
            let (c, i2) = (client.clone(), id.to_string());
            async move {
                let page = ctx
                    .call(req, None, |cap| async move {
                        c.list_contact_flow_modules()
                            .instance_id(i2)
                            .set_next_token(token)
                            .customize()
                            .interceptor(cap)
                            .send()
                            .await
                    })
                    .await
                    .ok()?;
                let ids = page
                    .contact_flow_modules_summary_list()
                    .iter()
                    .filter(|s| s.state() != Some(&ContactFlowModuleState::Archived))
                    .filter_map(|s| s.id().map(str::to_string))
                    .collect();
                Some((ids, page.next_token().map(str::to_string)))
            }
        },
        |mid| {
            let req = describe(
                "connect:DescribeContactFlowModule",
                "ContactFlowModuleId",
                mid.clone(),
            );
            let (c, i2) = (client.clone(), id.to_string());
            async move {
                let _ = ctx
                    .call(req, None, |cap| async move {
                        c.describe_contact_flow_module()
                            .instance_id(i2)
                            .contact_flow_module_id(mid)
                            .customize()
                            .interceptor(cap)
                            .send()
                            .await
                    })
                    .await;
            }
        },
    );
    let associations = flow_associations(ctx, client, region, account, id);
    futures::join!(flows, modules, associations);
}

/// The flows where contacts start: every page of `ListFlowAssociations`
/// (phone numbers and other resources associated with a flow). The pages
/// are recorded; `crate::observe::flows` reads the flow ids back. A failed
/// listing leaves those flows' entry state unknown.
async fn flow_associations(
    ctx: &Ctx,
    client: &aws_sdk_connect::Client,
    region: &str,
    account: &str,
    id: &str,
) {
    every_page(|token| {
        let req = paged_req("connect:ListFlowAssociations", region, account, id, &token);
        let (c, i2) = (client.clone(), id.to_string());
        async move {
            let page = ctx
                .call(req, None, |cap| async move {
                    c.list_flow_associations()
                        .instance_id(i2)
                        .set_next_token(token)
                        .customize()
                        .interceptor(cap)
                        .send()
                        .await
                })
                .await
                .ok()?;
            Some((Vec::<()>::new(), page.next_token().map(str::to_string)))
        }
    })
    .await;
}
