//! Classifying what a call met: "not configured" (evidence of absence),
//! denied, throttled, missing, timed out, unreachable, unreadable.

use super::snapshot::{CallError, ErrorKind};
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

/// Codes that say "not configured": valid evidence of absence, not faults.
const NOT_CONFIGURED: &[&str] = &[
    "NoSuchLifecycleConfiguration",
    "ServerSideEncryptionConfigurationNotFoundError",
    "NoSuchBucketPolicy",
    "NoSuchPublicAccessBlockConfiguration",
    "ObjectLockConfigurationNotFoundError",
    // A flow never published has no content that runs.
    "ContactFlowNotPublishedException",
];

fn classify_code(code: &str, status: u16) -> ErrorKind {
    match code {
        c if NOT_CONFIGURED.contains(&c) => ErrorKind::NotConfigured,
        "AccessDenied"
        | "AccessDeniedException"
        | "UnauthorizedOperation"
        | "UnrecognizedClientException"
        | "InvalidAccessKeyId"
        | "ExpiredToken"
        | "ExpiredTokenException"
        | "InvalidClientTokenId"
        | "SignatureDoesNotMatch" => ErrorKind::AccessDenied,
        "ThrottlingException"
        | "Throttling"
        | "TooManyRequestsException"
        | "SlowDown"
        | "RequestLimitExceeded"
        | "LimitExceededException" => ErrorKind::Throttled,
        "ResourceNotFoundException" | "NoSuchBucket" | "NotFoundException" | "NotFound" => {
            ErrorKind::NotFound
        }
        _ if status == 403 => ErrorKind::AccessDenied,
        _ if status == 429 => ErrorKind::Throttled,
        _ if status == 404 => ErrorKind::NotFound,
        _ => ErrorKind::Service,
    }
}

/// Turn an SDK error into what the snapshot records.
pub(super) fn classify<E>(e: &SdkError<E, HttpResponse>) -> CallError
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    match e {
        SdkError::ServiceError(s) => {
            let status = s.raw().status().as_u16();
            let code = s.err().code().unwrap_or("").to_string();
            let code = if code.is_empty() {
                format!("HTTP {status}")
            } else {
                code
            };
            let message = match s.err().message() {
                Some(m) => m.to_string(),
                None => aws_smithy_types::error::display::DisplayErrorContext(s.err()).to_string(),
            };
            CallError {
                kind: classify_code(&code, status),
                code,
                message,
            }
        }
        SdkError::TimeoutError(_) => CallError::new(ErrorKind::Timeout, "the call timed out"),
        SdkError::DispatchFailure(d) if d.is_timeout() => {
            CallError::new(ErrorKind::Timeout, "the connection timed out")
        }
        SdkError::DispatchFailure(d) if d.is_io() => CallError::new(
            ErrorKind::Unreachable,
            format!("endpoint unreachable: {}", error_chain(e)),
        ),
        SdkError::DispatchFailure(_) => {
            let chain = error_chain(e);
            if chain.to_ascii_lowercase().contains("credential") {
                CallError {
                    kind: ErrorKind::AccessDenied,
                    code: "NoCredentials".into(),
                    message: chain,
                }
            } else {
                CallError::new(ErrorKind::Unreachable, format!("request not sent: {chain}"))
            }
        }
        SdkError::ResponseError(_) => CallError::new(
            ErrorKind::Malformed,
            format!("unreadable response: {}", error_chain(e)),
        ),
        _ => CallError::new(ErrorKind::Other, error_chain(e)),
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let t = c.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        cur = c.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_are_classified() {
        assert_eq!(classify_code("AccessDenied", 403), ErrorKind::AccessDenied);
        assert_eq!(
            classify_code("ThrottlingException", 400),
            ErrorKind::Throttled
        );
        assert_eq!(
            classify_code("NoSuchLifecycleConfiguration", 404),
            ErrorKind::NotConfigured
        );
        assert_eq!(classify_code("HTTP 429", 429), ErrorKind::Throttled);
        assert_eq!(classify_code("Whatever", 500), ErrorKind::Service);
    }
}
