using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Invoicing.France.Tests.Platform;

/// <summary>
/// An approved platform on WireMock.Net that behaves like one: an OAuth 2 token endpoint, the Flow Service (flows kept
/// and searchable by tracking id, acknowledged Ok or rejected with a reason, a second flow with a tracking id already
/// used acknowledged <c>AlreadyExistingFlow</c>) and the Directory Service over the lines it is given. Every request is
/// checked against the AFNOR documents and every answer against its response schema; <see cref="Violations"/> lists
/// what did not match. Failures (429/503 with Retry-After, a revoked token) are queued by the test.
/// </summary>
internal sealed class FakePlatform : IDisposable
{
    public const string ClientId = "invoicing-client";
    public const string ClientSecret = "s3cret-of-the-client";

    private readonly ConcurrentDictionary<string, StoredFlow> _flows = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter, string? Operation)> _failures = new();
    private readonly ConcurrentDictionary<string, bool> _validTokens = new();
    private readonly ConcurrentBag<string> _violations = [];
    private readonly ConcurrentQueue<(string Service, RecordedRequest Request)> _requests = new();
    private readonly Lock _flowLock = new();
    private int _tokens;

    public FakePlatform()
    {
        Server = WireMockServer.Start();
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(HandleOrReport));
    }

    public WireMockServer Server { get; }

    public Uri FlowUrl => new(Server.Url + "/flow-service");

    public Uri DirectoryUrl => new(Server.Url + "/directory-service");

    public Uri TokenUrl => new(Server.Url + "/auth/token");

    /// <summary>How many tokens were handed out.</summary>
    public int TokensIssued => _tokens;

    /// <summary>The lines of the directory.</summary>
    public ConcurrentBag<DirectoryLineRow> Lines { get; } = [];

    /// <summary>Flows whose name contains a key are rejected with the value as reason (InvalidSchema).</summary>
    public ConcurrentDictionary<string, string> Rejections { get; } = new();

    /// <summary>Requests and answers that departed from the AFNOR documents.</summary>
    public IReadOnlyCollection<string> Violations => _violations;

    public IReadOnlyList<(string Service, RecordedRequest Request)> Requests => [.. _requests];

    public IReadOnlyList<StoredFlow> Flows => [.. _flows.Values.OrderBy(f => f.Sequence)];

    /// <summary>Fails the test with every request and answer that departed from the AFNOR documents.</summary>
    public void AssertConformant() => Assert.True(_violations.IsEmpty, "Not as the AFNOR documents say:\n" + string.Join("\n", _violations));

    /// <summary>The next flow or directory call (or the next of <paramref name="operation"/>) fails with this status (and Retry-After seconds).</summary>
    public void FailNext(int status, string? retryAfter = null, string? operation = null) => _failures.Enqueue((status, retryAfter, operation));

    /// <summary>Every token handed out so far is refused from now on (as after a revocation).</summary>
    public void RevokeTokens() => _validTokens.Clear();

    public void Dispose() => Server.Stop();

    private ResponseMessage HandleOrReport(IRequestMessage message)
    {
        try
        {
            return Handle(message);
        }
        catch (Exception e)
        {
            // A bug of the fake itself: reported as a violation so the test fails with the reason.
            _violations.Add($"fake platform failed on {message.Method} {message.Path}: {e}");
            return Json(500, "{\"errorCode\":\"FAKE_FAILED\"}");
        }
    }

    private ResponseMessage Handle(IRequestMessage message)
    {
        var path = message.Path;
        if (path == "/auth/token")
        {
            return Token(message);
        }

        var (service, contract, relative) = path.StartsWith("/flow-service/", StringComparison.Ordinal) ? ("flow", OpenApiContract.Flow, path["/flow-service".Length..])
            : path.StartsWith("/directory-service/", StringComparison.Ordinal) ? ("directory", OpenApiContract.Directory, path["/directory-service".Length..])
            : (null, null, path);
        if (contract is null)
        {
            _violations.Add($"{message.Method} {path}: not a platform service");
            return Json(404, """{"errorCode":"NOT_FOUND"}""");
        }

        var request = Record(message, relative);
        _requests.Enqueue((service!, request));
        foreach (var error in contract.CheckRequest(request))
        {
            _violations.Add(error);
        }

        var token = request.Headers.GetValueOrDefault("Authorization")?["Bearer ".Length..];
        if (token is null || !_validTokens.ContainsKey(token))
        {
            return Answer(contract, OperationOf(request.Method, relative), 401, """{"errorCode":"UNAUTHORIZED","errorMessage":"The token is not valid"}""");
        }

        if (_failures.TryPeek(out var next) && (next.Operation is null || next.Operation == OperationOf(request.Method, relative)) && _failures.TryDequeue(out var failure))
        {
            var code = failure.Status == 429 ? "TOO_MANY_REQUESTS" : "RESOURCE_ERROR";
            var answer = Answer(contract, OperationOf(request.Method, relative), failure.Status, $$"""{"errorCode":"{{code}}","errorMessage":"Try again later"}""");
            if (failure.RetryAfter is { } seconds)
            {
                answer.AddHeader("Retry-After", seconds);
            }

            return answer;
        }

        return service == "flow" ? FlowService(request, relative) : DirectoryService(request, relative);
    }

    private ResponseMessage FlowService(RecordedRequest request, string path)
    {
        var operation = OperationOf(request.Method, path);
        switch (operation)
        {
            case "createFlow":
                return Answer(OpenApiContract.Flow, operation, 202, Submit(request).ToReceipt());
            case "searchFlows":
                var where = JsonNode.Parse(request.Body)!["where"]!;
                var trackingId = where["trackingId"]?.GetValue<string>();
                var directions = where["flowDirection"]?.AsArray().Select(d => d!.GetValue<string>()).ToHashSet();
                var types = where["flowType"]?.AsArray().Select(t => t!.GetValue<string>()).ToHashSet();
                var found = Flows
                    .Where(f => (trackingId is null || f.TrackingId == trackingId) && (directions is null || directions.Contains(f.Direction)) && (types is null || types.Count == 0 || types.Contains(f.Type)))
                    .Select(f => f.ToFlow())
                    .ToArray();
                return Answer(OpenApiContract.Flow, operation, 200, new JsonObject { ["limit"] = 25, ["results"] = new JsonArray(found) }.ToJsonString());
            case "getFlow":
                var id = Uri.UnescapeDataString(path["/v1/flows/".Length..]);
                if (!_flows.TryGetValue(id, out var flow))
                {
                    return Answer(OpenApiContract.Flow, operation, 404, """{"errorCode":"NOT_FOUND","errorMessage":"No such flow"}""");
                }

                if (request.Query.GetValueOrDefault("docType") is "Original")
                {
                    var file = new ResponseMessage { StatusCode = 200, BodyData = new BodyData { BodyAsBytes = flow.File, DetectedBodyType = BodyType.Bytes } };
                    file.AddHeader("Content-Type", "application/octet-stream");
                    return file;
                }

                return Answer(OpenApiContract.Flow, operation, 200, flow.ToFlow().ToJsonString());
            case "createWebhook":
                var key = Convert.ToBase64String(Encoding.UTF8.GetBytes("a 256-bit signing key for tests!"));
                return Answer(OpenApiContract.Flow, operation, 201, $$"""{"webhookId":"5b0f2c8e-8e0b-4d7e-9d7a-0e2f4b1c9a11","signingKey":"{{key}}","createdAt":"2026-12-01T10:00:00Z"}""");
            case "listWebhooks":
                return Answer(OpenApiContract.Flow, operation, 200, """{"count":1,"webhookIds":["5b0f2c8e-8e0b-4d7e-9d7a-0e2f4b1c9a11"],"webhooks":[{"webhookId":"5b0f2c8e-8e0b-4d7e-9d7a-0e2f4b1c9a11","callbackUrl":"https://host.example.com/hooks","createdAt":"2026-12-01T10:00:00Z"}]}""");
            case "deleteWebhook":
                return path.EndsWith("5b0f2c8e-8e0b-4d7e-9d7a-0e2f4b1c9a11", StringComparison.Ordinal)
                    ? new ResponseMessage { StatusCode = 204 }
                    : Answer(OpenApiContract.Flow, operation, 404, """{"errorCode":"NOT_FOUND"}""");
            case "getHealth":
                return new ResponseMessage { StatusCode = 200 };
            default:
                return Json(404, """{"errorCode":"NOT_FOUND"}""");
        }
    }

    private StoredFlow Submit(RecordedRequest request)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.Headers["Content-Type"]).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
        JsonNode? info = null;
        byte[] file = [];
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            using var content = new MemoryStream();
            section.Body.CopyTo(content);
            var name = HeaderUtilities.RemoveQuotes(ContentDispositionHeaderValue.Parse(section.ContentDisposition).Name).Value;
            if (name == "flowInfo")
            {
                info = JsonNode.Parse(content.ToArray());
            }
            else if (name == "file")
            {
                file = content.ToArray();
            }
        }

        var flowName = info?["name"]?.GetValue<string>() ?? "unnamed";
        var trackingId = info?["trackingId"]?.GetValue<string>();
        lock (_flowLock)
        {
            var reason = Rejections.FirstOrDefault(r => flowName.Contains(r.Key, StringComparison.Ordinal)).Value;
            var duplicate = trackingId is not null && _flows.Values.Any(f => f.TrackingId == trackingId);
            var flow = new StoredFlow(
                _flows.Count,
                Guid.NewGuid().ToString(),
                trackingId,
                flowName,
                info?["flowSyntax"]?.GetValue<string>() ?? "CII",
                DateTimeOffset.UtcNow,
                file,
                duplicate ? ("AlreadyExistingFlow", "A flow with this tracking id exists") : reason is null ? null : ("InvalidSchema", reason));
            _flows[flow.FlowId] = flow;
            return flow;
        }
    }

    /// <summary>A flow sent to this client by another party (a supplier's invoice, a buyer's status), to fetch as incoming.</summary>
    public StoredFlow Deliver(string name, string syntax, byte[] file, string type = "SupplierInvoice")
    {
        lock (_flowLock)
        {
            var flow = new StoredFlow(_flows.Count, Guid.NewGuid().ToString(), null, name, syntax, DateTimeOffset.UtcNow, file, null, "In", type);
            _flows[flow.FlowId] = flow;
            return flow;
        }
    }

    private ResponseMessage DirectoryService(RecordedRequest request, string path)
    {
        var operation = OperationOf(request.Method, path);
        var contract = OpenApiContract.Directory;
        switch (operation)
        {
            case "searchDirectoryLine":
                var filters = JsonNode.Parse(request.Body)!["filters"]!;
                var siren = filters["siren"]?["value"]?.GetValue<string>();
                var siret = filters["siret"]?["value"]?.GetValue<string>();
                var lines = Lines.Where(l => l.Siren == siren && (siret is null || l.Siret is null || l.Siret == siret)).Select(l => l.ToJson()).ToArray();
                return Answer(contract, operation, 200, new JsonObject { ["totalNumberOfResults"] = lines.Length, ["results"] = new JsonArray(lines) }.ToJsonString());
            case "getDirectoryLineById":
                var address = Uri.UnescapeDataString(path["/v1/directory-line/code:".Length..]);
                return Lines.FirstOrDefault(l => l.AddressingIdentifier == address) is { } line
                    ? Answer(contract, operation, 200, line.ToJson().ToJsonString())
                    : Answer(contract, operation, 404, """{"errorCode":"NOT_FOUND","errorMessage":"No such line"}""");
            case "getCompanyBySiren":
                var unit = path["/v1/siren/code-insee:".Length..];
                return Lines.Any(l => l.Siren == unit)
                    ? Answer(contract, operation, 200, $$"""{"siren":"{{unit}}","businessName":"Buyer {{unit}}","entityType":"PrivateVatRegistered","administrativeStatus":"A"}""")
                    : Answer(contract, operation, 404, """{"errorCode":"NOT_FOUND"}""");
            case "getFacilityBySiret":
                var facility = path["/v1/siret/code-insee:".Length..];
                return Lines.Any(l => l.Siret == facility)
                    ? Answer(contract, operation, 200, $$"""{"siret":"{{facility}}","siren":"{{facility[..9]}}","name":"Main office","facilityType":"P","administrativeStatus":"A"}""")
                    : Answer(contract, operation, 404, """{"errorCode":"NOT_FOUND"}""");
            case "getRoutingCodeBySiretAndId":
                var parts = path["/v1/routing-code/siret:".Length..].Split("/code:");
                return Lines.Any(l => l.Siret == parts[0] && l.RoutingIdentifier == Uri.UnescapeDataString(parts[1]))
                    ? Answer(contract, operation, 200, $$"""{"siret":"{{parts[0]}}","routingIdentifier":"{{Uri.UnescapeDataString(parts[1])}}","routingCodeName":"Accounts payable","managesLegalCommitmentCode":true,"administrativeStatus":"A"}""")
                    : Answer(contract, operation, 404, """{"errorCode":"NOT_FOUND"}""");
            case "getHealth":
                return new ResponseMessage { StatusCode = 200 };
            default:
                return Json(404, """{"errorCode":"NOT_FOUND"}""");
        }
    }

    private ResponseMessage Token(IRequestMessage message)
    {
        var form = QueryHelpers.ParseQuery(message.Body ?? string.Empty);
        if (form.GetValueOrDefault("grant_type") != "client_credentials" || form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret)
        {
            return Json(401, """{"error":"invalid_client","error_description":"Unknown client or wrong secret"}""");
        }

        var token = $"token-{Interlocked.Increment(ref _tokens)}";
        _validTokens[token] = true;
        return Json(200, $$"""{"access_token":"{{token}}","token_type":"Bearer","expires_in":3600}""");
    }

    private ResponseMessage Answer(OpenApiContract contract, string? operation, int status, string json)
    {
        if (operation is not null)
        {
            foreach (var error in contract.CheckResponse(operation, status, json))
            {
                _violations.Add("answer: " + error);
            }
        }

        return Json(status, json);
    }

    private static string? OperationOf(string method, string path) => (method, path) switch
    {
        ("POST", "/v1/flows") => "createFlow",
        ("POST", "/v1/flows/search") => "searchFlows",
        ("GET", _) when path.StartsWith("/v1/flows/", StringComparison.Ordinal) => "getFlow",
        ("GET", "/v1/webhooks") => "listWebhooks",
        ("POST", "/v1/webhooks") => "createWebhook",
        ("DELETE", _) when path.StartsWith("/v1/webhooks/", StringComparison.Ordinal) => "deleteWebhook",
        ("GET", "/v1/healthcheck") => "getHealth",
        ("POST", "/v1/directory-line/search") => "searchDirectoryLine",
        ("GET", _) when path.StartsWith("/v1/directory-line/code:", StringComparison.Ordinal) => "getDirectoryLineById",
        ("GET", _) when path.StartsWith("/v1/siren/code-insee:", StringComparison.Ordinal) => "getCompanyBySiren",
        ("GET", _) when path.StartsWith("/v1/siret/code-insee:", StringComparison.Ordinal) => "getFacilityBySiret",
        ("GET", _) when path.StartsWith("/v1/routing-code/", StringComparison.Ordinal) => "getRoutingCodeBySiretAndId",
        _ => null,
    };

    private static RecordedRequest Record(IRequestMessage message, string relative)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in message.Headers ?? new Dictionary<string, WireMockList<string>>())
        {
            headers[name] = string.Join(",", values);
        }

        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in message.Query ?? new Dictionary<string, WireMockList<string>>())
        {
            query[name] = string.Join(",", values);
        }

        return new RecordedRequest(message.Method, relative, query, headers, message.BodyAsBytes ?? (message.Body is { } body ? Encoding.UTF8.GetBytes(body) : []));
    }

    private static ResponseMessage Json(int status, string json)
    {
        var response = new ResponseMessage { StatusCode = status, BodyData = new BodyData { BodyAsString = json, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 } };
        response.AddHeader("Content-Type", "application/json");
        return response;
    }
}

/// <summary>A flow the fake platform took.</summary>
internal sealed record StoredFlow(int Sequence, string FlowId, string? TrackingId, string Name, string Syntax, DateTimeOffset SubmittedAt, byte[] File, (string Code, string Message)? Rejection, string Direction = "Out", string Type = "CustomerInvoice")
{
    public string ToReceipt() => new JsonObject
    {
        ["flowId"] = FlowId,
        ["submittedAt"] = SubmittedAt.ToString("O", CultureInfo.InvariantCulture),
        ["trackingId"] = TrackingId,
        ["name"] = Name,
        ["flowSyntax"] = Syntax,
    }.ToJsonString();

    public JsonObject ToFlow()
    {
        var acknowledgement = new JsonObject { ["status"] = Rejection is null ? "Ok" : "Error" };
        if (Rejection is { } rejection)
        {
            acknowledgement["details"] = new JsonArray(new JsonObject { ["level"] = "Error", ["item"] = "file", ["reasonCode"] = rejection.Code, ["reasonMessage"] = rejection.Message });
        }

        var flow = new JsonObject
        {
            ["flowId"] = FlowId,
            ["name"] = Name,
            ["processingRule"] = "B2B",
            ["flowSyntax"] = Syntax,
            ["flowProfile"] = "CIUS",
            ["submittedAt"] = SubmittedAt.ToString("O", CultureInfo.InvariantCulture),
            ["updatedAt"] = SubmittedAt.ToString("O", CultureInfo.InvariantCulture),
            ["flowType"] = Type,
            ["processingRuleSource"] = "Computed",
            ["flowDirection"] = Direction,
            ["acknowledgement"] = acknowledgement,
        };
        if (TrackingId is not null)
        {
            flow["trackingId"] = TrackingId;
        }

        return flow;
    }
}

/// <summary>A line of the fake directory.</summary>
internal sealed record DirectoryLineRow(string AddressingIdentifier, string Siren, string? Siret = null, string? RoutingIdentifier = null, string Status = "Enabled")
{
    public JsonObject ToJson()
    {
        var line = new JsonObject { ["addressingIdentifier"] = AddressingIdentifier, ["siren"] = Siren, ["platformType"] = "WK", ["directoryLineStatus"] = Status };
        if (Siret is not null)
        {
            line["siret"] = Siret;
        }

        if (RoutingIdentifier is not null)
        {
            line["routingIdentifier"] = RoutingIdentifier;
        }

        return line;
    }
}
