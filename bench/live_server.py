#!/usr/bin/env python3
"""Local AWS endpoints for bench/live.sh, with injected latency.

Starts moto in-process (S3, Kinesis, CloudWatch Logs, KMS, Connect instances),
seeds N Connect instances each with a recordings bucket (lifecycle, SSE-KMS,
TLS-only policy, public access block), a contact-record stream and a flow-log
group, and serves one HTTP endpoint that sleeps LATENCY seconds per request,
then answers the Connect operations moto lacks (storage configs, instance
attributes, security profiles and their permissions, flow listings, data
lake associations) and Customer Profiles (the instance's integration and
domain) from fixtures shaped as in the API references, and forwards
everything else to moto.

Usage: live_server.py N PORT [LATENCY_MS]; prints "ready" when serving.
"""

import http.client
import http.server
import json
import re
import sys
import threading
import time
from datetime import datetime

import boto3
from moto.server import ThreadedMotoServer

REGION = "ap-northeast-1"
ACCOUNT = "123456789012"


def free_port():
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def seed(moto_url, n):
    kw = dict(endpoint_url=moto_url, region_name=REGION,
              aws_access_key_id="testing", aws_secret_access_key="testing")
    connect = boto3.client("connect", **kw)
    s3 = boto3.client("s3", **kw)
    kms = boto3.client("kms", **kw)
    kinesis = boto3.client("kinesis", **kw)
    logs = boto3.client("logs", **kw)
    fixtures = {}
    for i in range(n):
        alias = f"bench-{i:02d}"
        inst = connect.create_instance(IdentityManagementType="CONNECT_MANAGED", InstanceAlias=alias,
                                       InboundCallsEnabled=True, OutboundCallsEnabled=True)
        key = kms.create_key(Description=alias)["KeyMetadata"]
        kms.enable_key_rotation(KeyId=key["KeyId"])
        bucket = f"{alias}-recordings"
        s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
        s3.put_bucket_lifecycle_configuration(Bucket=bucket, LifecycleConfiguration={"Rules": [
            {"ID": "expire", "Status": "Enabled", "Filter": {"Prefix": "connect/"}, "Expiration": {"Days": 365}}]})
        s3.put_bucket_encryption(Bucket=bucket, ServerSideEncryptionConfiguration={"Rules": [
            {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key["Arn"]}}]})
        s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": f"arn:aws:s3:::{bucket}/*",
             "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}))
        s3.put_public_access_block(Bucket=bucket, PublicAccessBlockConfiguration={
            "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
        stream = f"{alias}-ctr"
        kinesis.create_stream(StreamName=stream, ShardCount=1)
        kinesis.start_stream_encryption(StreamName=stream, EncryptionType="KMS", KeyId=key["Arn"])
        logs.create_log_group(logGroupName=f"/aws/connect/{alias}", kmsKeyId=key["Arn"])
        logs.put_retention_policy(logGroupName=f"/aws/connect/{alias}", retentionInDays=365)
        fixtures[inst["Id"]] = {
            "CALL_RECORDINGS": [{"AssociationId": f"{alias}-rec", "StorageType": "S3", "S3Config": {
                "BucketName": bucket, "BucketPrefix": f"connect/{alias}/CallRecordings",
                "EncryptionConfig": {"EncryptionType": "KMS", "KeyId": key["Arn"]}}}],
            "CONTACT_TRACE_RECORDS": [{"AssociationId": f"{alias}-ctr", "StorageType": "KINESIS_STREAM",
                                       "KinesisStreamConfig": {"StreamArn": f"arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/{stream}"}}],
        }
    return fixtures


def epoch_times(v):
    """moto gives CreatedTime as ISO text; the Connect API uses epoch seconds."""
    if isinstance(v, dict):
        for k, x in v.items():
            if k == "CreatedTime" and isinstance(x, str):
                v[k] = datetime.fromisoformat(x).timestamp()
            else:
                epoch_times(x)
    elif isinstance(v, list):
        for x in v:
            epoch_times(x)


def main():
    n, port = int(sys.argv[1]), int(sys.argv[2])
    latency = (int(sys.argv[3]) if len(sys.argv) > 3 else 50) / 1000.0
    moto_port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=moto_port, verbose=False)
    server.start()
    fixtures = seed(f"http://127.0.0.1:{moto_port}", n)
    counter = {"requests": 0}
    lock = threading.Lock()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def send(self, status, body, ctype="application/json", headers=()):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def handle_any(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            time.sleep(latency)
            with lock:
                counter["requests"] += 1
            path, _, query = self.path.partition("?")
            connect = "/connect/" in (self.headers.get("Authorization") or "")
            if connect:
                m = re.fullmatch(r"/instance/([^/]+)/storage-configs", path)
                if m:
                    rt = dict(p.split("=", 1) for p in query.split("&") if "=" in p).get("resourceType", "")
                    cfgs = fixtures.get(m.group(1), {}).get(rt, [])
                    return self.send(200, json.dumps({"StorageConfigs": cfgs}).encode())
                m = re.fullmatch(r"/instance/([^/]+)/attribute/([A-Z_]+)", path)
                if m:
                    return self.send(200, json.dumps({"Attribute": {"AttributeType": m.group(2), "Value": "true"}}).encode())
                m = re.fullmatch(r"/security-profiles-summary/([^/]+)", path)
                if m:
                    return self.send(200, json.dumps({"SecurityProfileSummaryList": [
                        {"Id": "sp-1", "Name": "Admin"}, {"Id": "sp-2", "Name": "Agent"}]}).encode())
                m = re.fullmatch(r"/security-profiles-permissions/([^/]+)/([^/]+)", path)
                if m:
                    perms = ["CallRecordings.Unredacted.Access", "Users.View"] if m.group(2) == "sp-1" else ["BasicAgentAccess"]
                    return self.send(200, json.dumps({"Permissions": perms}).encode())
                # Flows (none: the bench measures the storage chain), flow
                # modules and phone-number associations.
                for pat, key in ((r"/contact-flows-summary/([^/]+)", "ContactFlowSummaryList"),
                                 (r"/contact-flow-modules-summary/([^/]+)", "ContactFlowModulesSummaryList"),
                                 (r"/flow-associations-summary/([^/]+)", "FlowAssociationSummaryList")):
                    if re.fullmatch(pat, path):
                        return self.send(200, json.dumps({key: []}).encode())
                # The analytics data lake: one data set shared with another account.
                m = re.fullmatch(r"/analytics-data/instance/([^/]+)/association", path)
                if m:
                    return self.send(200, json.dumps({"Results": [{
                        "DataSetId": "contact_record", "TargetAccountId": "210987654321",
                        "ResourceShareStatus": "ACTIVE"}]}).encode())
            # Customer Profiles (moto lacks it): each instance's domain,
            # found by the integration whose URI is the instance ARN.
            if "/profile/" in (self.headers.get("Authorization") or ""):
                if path == "/integrations" and self.command == "POST":
                    uri = json.loads(body or b"{}").get("Uri", "")
                    iid = uri.rsplit("/", 1)[-1]
                    return self.send(200, json.dumps({"Items": [{
                        "DomainName": f"amazon-connect-{iid[:8]}", "Uri": uri,
                        "CreatedAt": 1.7e9, "LastUpdatedAt": 1.7e9}]}).encode())
                # Two object types: one follows the default, one keeps
                # its objects 365 days (its own ExpirationDays).
                if re.fullmatch(r"/domains/([^/]+)/object-types", path):
                    return self.send(200, json.dumps({"Items": [
                        {"ObjectTypeName": t, "Description": t,
                         "CreatedAt": 1.7e9, "LastUpdatedAt": 1.7e9}
                        for t in ("Accounts", "Orders")]}).encode())
                m = re.fullmatch(r"/domains/([^/]+)/object-types/([^/]+)", path)
                if m:
                    t = {"ObjectTypeName": m.group(2), "Description": m.group(2),
                         "AllowProfileCreation": False}
                    if m.group(2) == "Orders":
                        t["ExpirationDays"] = 365
                    return self.send(200, json.dumps(t).encode())
                m = re.fullmatch(r"/domains/([^/]+)", path)
                if m:
                    return self.send(200, json.dumps({
                        "DomainName": m.group(1), "DefaultExpirationDays": 1098,
                        "DefaultEncryptionKey": f"arn:aws:kms:{REGION}:{ACCOUNT}:key/cp",
                        "CreatedAt": 1.7e9, "LastUpdatedAt": 1.7e9}).encode())
            c = http.client.HTTPConnection("127.0.0.1", moto_port, timeout=30)
            hs = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
            c.request(self.command, self.path, body=body, headers=hs)
            r = c.getresponse()
            data = r.read()
            if data.startswith(b"<?xml") and b"<GetBucketVersioningResponse" in data:
                data = data.replace(b"GetBucketVersioningResponse", b"VersioningConfiguration")
            if connect:
                try:
                    v = json.loads(data)
                    epoch_times(v)
                    data = json.dumps(v).encode()
                except ValueError:
                    pass
            extra = [(k, v) for k, v in r.getheaders() if k.lower().startswith("x-amz")]
            self.send(r.status, data, r.getheader("Content-Type") or "application/octet-stream", extra)

        do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = handle_any

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    httpd.daemon_threads = True
    print("ready", flush=True)
    try:
        httpd.serve_forever()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
