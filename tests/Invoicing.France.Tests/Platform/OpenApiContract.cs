using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using Microsoft.OpenApi.Writers;

namespace Invoicing.France.Tests.Platform;

/// <summary>
/// One AFNOR OpenAPI document of the corpus, as the judge of requests and responses: a request must hit a documented
/// operation with its declared path, query and header parameters valid, a bearer token (the documents' security)
/// and a body of a declared media type that its schema accepts; a stub response must be a declared status with a
/// body its schema accepts. Operations and parameters come from Microsoft.OpenApi.Readers, schemas are evaluated by
/// JsonSchema.Net against the raw document.
/// </summary>
internal sealed partial class OpenApiContract
{
    private readonly OpenApiDocument _document;
    private readonly Uri _baseUri;
    private readonly EvaluationOptions _evaluation;
    private readonly List<(Regex Path, OperationType Method, OpenApiOperation Operation, string Template)> _operations = [];

    private OpenApiContract(string file)
    {
        var path = TestPaths.Corpus(Path.Combine("fr-platform", "afnor-api", file));
        using (var stream = File.OpenRead(path))
        {
            _document = new OpenApiStreamReader().Read(stream, out var diagnostic);
            // The reader takes the servers' empty default base path ("") for a missing one; servers are not used here.
            Assert.DoesNotContain(diagnostic.Errors, e => !e.Pointer.StartsWith("#/servers/", StringComparison.Ordinal));
        }

        _baseUri = new Uri($"https://contract.test/{file}");
        var raw = JsonNode.Parse(File.ReadAllText(path))!;

        // The Flow document's ReasonCode is oneOf [the enum, any string]: every enum value matches both branches, so
        // read literally no documented reason code would be valid. The intent (an open list) is anyOf.
        if (raw["components"]?["schemas"]?["ReasonCode"] is JsonObject reasonCode && reasonCode["oneOf"] is { } branches)
        {
            reasonCode.Remove("oneOf");
            reasonCode["anyOf"] = branches;
        }

        // The Directory document's line statuses have maxLength 7 and the values "Disabled" and "Upcoming" (8): read
        // literally no line could be disabled. The enum is the intent; the length is dropped.
        foreach (var status in new[] { "directoryLineStatus", "uniqueDirectoryLineStatus" })
        {
            if (raw["components"]?["schemas"]?[status] is JsonObject statusSchema)
            {
                statusSchema.Remove("maxLength");
            }
        }

        _evaluation = new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true, AllowReferencesIntoUnknownKeywords = true };
        _evaluation.SchemaRegistry.Register(new JsonNodeBaseDocument(raw, _baseUri));
        foreach (var (template, item) in _document.Paths)
        {
            var pattern = "^" + Placeholder().Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), m => $"(?<{Group(m.Groups[1].Value)}>[^/]+)") + "$";
            foreach (var (method, operation) in item.Operations)
            {
                _operations.Add((new Regex(pattern), method, operation, template));
            }
        }
    }

    public static OpenApiContract Flow { get; } = new("flow-service-1.3.0.json");

    public static OpenApiContract Directory { get; } = new("directory-service-1.3.0.json");

    /// <summary>Every way <paramref name="request"/> departs from the document; empty when it matches.</summary>
    public IReadOnlyList<string> CheckRequest(RecordedRequest request)
    {
        var errors = new List<string>();
        if (Find(request.Method, request.Path) is not { } found)
        {
            return [$"{request.Method} {request.Path}: no such operation in the document"];
        }

        var (operation, values) = found;
        var where = $"{request.Method} {request.Path} ({operation.OperationId})";
        foreach (var parameter in operation.Parameters)
        {
            string? value = parameter.In switch
            {
                ParameterLocation.Path => values.GetValueOrDefault(parameter.Name),
                ParameterLocation.Query => request.Query.GetValueOrDefault(parameter.Name),
                ParameterLocation.Header => request.Headers.GetValueOrDefault(parameter.Name),
                _ => null,
            };
            if (value is null)
            {
                if (parameter.Required)
                {
                    errors.Add($"{where}: required {parameter.In} parameter '{parameter.Name}' missing");
                }

                continue;
            }

            errors.AddRange(Check(parameter.Schema, ParameterValue(parameter.Schema, value)).Select(e => $"{where}: {parameter.In} '{parameter.Name}' = '{value}': {e}"));
        }

        foreach (var name in request.Query.Keys.Where(k => !operation.Parameters.Any(p => p.In == ParameterLocation.Query && p.Name == k)))
        {
            errors.Add($"{where}: query parameter '{name}' is not declared");
        }

        if (request.Headers.GetValueOrDefault("Authorization") is not { } authorization || !authorization.StartsWith("Bearer ", StringComparison.Ordinal) || authorization.Length < 8)
        {
            errors.Add($"{where}: no bearer token (the document's security is a bearer token or OAuth 2 client credentials)");
        }

        errors.AddRange(CheckBody(operation.RequestBody, request).Select(e => $"{where}: {e}"));
        return errors;
    }

    /// <summary>Every way a response of <paramref name="operationId"/> with this status and JSON body departs from the document.</summary>
    public IReadOnlyList<string> CheckResponse(string operationId, int status, string? json)
    {
        var operation = _operations.Select(o => o.Operation).SingleOrDefault(o => o.OperationId == operationId)
            ?? throw new ArgumentException($"No operation {operationId}.", nameof(operationId));
        if (!operation.Responses.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response))
        {
            return [$"{operationId}: status {status} is not declared"];
        }

        if (json is null)
        {
            return response.Content.Count == 0 || response.Content.Values.All(c => c.Schema is null) || response.Content.ContainsKey("application/octet-stream")
                ? []
                : [$"{operationId} {status}: a body is documented"];
        }

        if (!response.Content.TryGetValue("application/json", out var media))
        {
            return [$"{operationId} {status}: no JSON body is documented"];
        }

        return [.. Check(media.Schema, JsonNode.Parse(json)).Select(e => $"{operationId} {status}: {e}")];
    }

    private IEnumerable<string> CheckBody(OpenApiRequestBody? body, RecordedRequest request)
    {
        if (body is null)
        {
            if (request.Body.Length > 0)
            {
                yield return "a body was sent where none is documented";
            }

            yield break;
        }

        if (request.Headers.GetValueOrDefault("Content-Type") is not { } contentType || !MediaTypeHeaderValue.TryParse(contentType, out var type))
        {
            yield return "no Content-Type";
            yield break;
        }

        if (!body.Content.TryGetValue(type.MediaType.Value!, out var media))
        {
            yield return $"Content-Type {type.MediaType} is not one of {string.Join(", ", body.Content.Keys)}";
            yield break;
        }

        if (type.MediaType.Value == "multipart/form-data")
        {
            foreach (var error in CheckMultipart(media, HeaderUtilities.RemoveQuotes(type.Boundary).Value!, request.Body))
            {
                yield return error;
            }

            yield break;
        }

        foreach (var error in Check(media.Schema, JsonNode.Parse(request.Body)))
        {
            yield return "body: " + error;
        }
    }

    private IEnumerable<string> CheckMultipart(OpenApiMediaType media, string boundary, byte[] body)
    {
        var parts = ReadParts(boundary, body);
        foreach (var required in media.Schema.Required.Where(r => !parts.ContainsKey(r)))
        {
            yield return $"multipart part '{required}' missing";
        }

        foreach (var (name, (partType, content)) in parts)
        {
            if (!media.Schema.Properties.TryGetValue(name, out var schema))
            {
                yield return $"multipart part '{name}' is not declared";
                continue;
            }

            if (media.Encoding.TryGetValue(name, out var encoding) && encoding.ContentType is { } allowed
                && !allowed.Split(',', StringSplitOptions.TrimEntries).Contains(partType))
            {
                yield return $"multipart part '{name}' has Content-Type '{partType}', not one of '{allowed}'";
            }

            if (schema.Format == "binary")
            {
                if (content.Length == 0)
                {
                    yield return $"multipart part '{name}' is empty";
                }

                continue;
            }

            foreach (var error in Check(schema, JsonNode.Parse(content)))
            {
                yield return $"multipart part '{name}': {error}";
            }
        }
    }

    private static Dictionary<string, (string? ContentType, byte[] Content)> ReadParts(string boundary, byte[] body)
    {
        var parts = new Dictionary<string, (string?, byte[])>();
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var content = new MemoryStream();
            section.Body.CopyTo(content);
            var type = section.ContentType is { } t ? MediaTypeHeaderValue.Parse(t).MediaType.Value : null;
            parts[HeaderUtilities.RemoveQuotes(disposition.Name).Value!] = (type, content.ToArray());
        }

        return parts;
    }

    private IEnumerable<string> Check(OpenApiSchema schema, JsonNode? value)
    {
        var results = ToJsonSchema(schema).Evaluate(value, _evaluation);
        return results.IsValid
            ? []
            : (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}")).DefaultIfEmpty("invalid");
    }

    /// <summary>The schema in JSON Schema form, its <c>#/components/...</c> references pointing into the registered document.</summary>
    private JsonSchema ToJsonSchema(OpenApiSchema schema)
    {
        if (schema.Reference is { } reference)
        {
            return JsonSchema.FromText($$"""{"$ref": "{{_baseUri}}{{reference.ReferenceV3}}"}""");
        }

        var text = new StringWriter();
        schema.SerializeAsV3(new OpenApiJsonWriter(text));
        return JsonSchema.FromText(text.ToString().Replace("\"#/components/", $"\"{_baseUri}#/components/", StringComparison.Ordinal));
    }

    private static JsonNode? ParameterValue(OpenApiSchema schema, string value) => schema.Type switch
    {
        "integer" or "number" => decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(value),
        "array" => new JsonArray([.. value.Split(',').Select(v => (JsonNode?)JsonValue.Create(v))]),
        _ => JsonValue.Create(value),
    };

    private (OpenApiOperation Operation, Dictionary<string, string> Values)? Find(string method, string path)
    {
        foreach (var (pattern, type, operation, template) in _operations)
        {
            if (!string.Equals(type.ToString(), method, StringComparison.OrdinalIgnoreCase) || pattern.Match(path) is not { Success: true } match)
            {
                continue;
            }

            var values = new Dictionary<string, string>();
            foreach (Match placeholder in Placeholder().Matches(template))
            {
                values[placeholder.Groups[1].Value] = Uri.UnescapeDataString(match.Groups[Group(placeholder.Groups[1].Value)].Value);
            }

            return (operation, values);
        }

        return null;
    }

    private static string Group(string name) => "p" + Convert.ToHexString(Encoding.UTF8.GetBytes(name));

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex Placeholder();
}
