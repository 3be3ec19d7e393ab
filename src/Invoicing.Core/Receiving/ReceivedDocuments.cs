using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Invoicing.Core.Json;

namespace Invoicing.Core;

/// <summary>The checks every received-document store makes, and the stored shape of a document's issues. Pure.</summary>
public static class ReceivedDocuments
{
    /// <summary>The longest flow id or file name accepted.</summary>
    public const int MaxIdLength = 200;

    /// <summary>The largest document accepted (64 MiB), far above any invoice with its attachments.</summary>
    public const int MaxContentBytes = 64 * 1024 * 1024;

    /// <summary>Creates the in-memory store (thread-safe; nothing survives the process).</summary>
    public static IReceivedDocumentStore CreateInMemory() => new InMemoryReceivedDocumentStore();

    /// <summary>Checks a document before it is stored.</summary>
    /// <exception cref="InvoiceValidationException">RCV-FLOW-ID, RCV-SYNTAX, RCV-FILE-NAME, RCV-CONTENT, RCV-STATUS.</exception>
    public static void Check(ReceivedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        CheckFlowId(document.FlowId);
        CheckText(document.Syntax, "RCV-SYNTAX", "syntax", 50);
        if (document.FileName is not null)
        {
            CheckText(document.FileName, "RCV-FILE-NAME", "fileName", MaxIdLength);
        }

        if (document.Content.IsEmpty || document.Content.Length > MaxContentBytes)
        {
            throw Refuse("RCV-CONTENT", "content", string.Create(CultureInfo.InvariantCulture, $"A received document holds 1 byte to {MaxContentBytes} bytes."));
        }

        if (document.BuyerStatus is not null)
        {
            CheckStatus(document.BuyerStatus);
        }
    }

    /// <summary>Checks a flow id.</summary>
    /// <exception cref="InvoiceValidationException">RCV-FLOW-ID.</exception>
    public static void CheckFlowId(string flowId) => CheckText(flowId, "RCV-FLOW-ID", "flowId", MaxIdLength);

    /// <summary>Checks a buyer status code.</summary>
    /// <exception cref="InvoiceValidationException">RCV-STATUS.</exception>
    public static void CheckStatus(string status) => CheckText(status, "RCV-STATUS", "status", 20);

    /// <summary>
    /// A document from its stored columns (instants as Unix ticks, the invoice and the issues as JSON), the one mapping
    /// the database stores share.
    /// </summary>
    /// <exception cref="InvoiceFormatException">The stored invoice or issues are not valid JSON of their shape.</exception>
    public static ReceivedDocument FromStored(string flowId, long receivedAtTicks, string syntax, string? fileName, byte[] content, string? invoiceJson, string issuesJson, string? buyerStatus, long? buyerStatusAtTicks) => new()
    {
        FlowId = flowId,
        ReceivedAt = NodaTime.Instant.FromUnixTimeTicks(receivedAtTicks),
        Syntax = syntax,
        FileName = fileName,
        Content = content,
        Invoice = invoiceJson is null ? null : InvoiceJson.Deserialize(invoiceJson),
        Issues = DeserializeIssues(issuesJson),
        BuyerStatus = buyerStatus,
        BuyerStatusAt = buyerStatusAtTicks is { } ticks ? NodaTime.Instant.FromUnixTimeTicks(ticks) : null,
    };

    /// <summary>The issues as stored (JSON).</summary>
    public static string SerializeIssues(IReadOnlyList<ValidationIssue> issues) =>
        JsonSerializer.Serialize(issues.ToArray(), ReceivedDocumentJsonContext.Default.ValidationIssueArray);

    /// <summary>The issues read back from a store.</summary>
    /// <exception cref="InvoiceFormatException">The stored text is not a list of issues.</exception>
    public static IReadOnlyList<ValidationIssue> DeserializeIssues(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ReceivedDocumentJsonContext.Default.ValidationIssueArray) ?? [];
        }
        catch (JsonException exception)
        {
            throw new InvoiceFormatException("The stored issues of a received document are not a list of issues.", "issues", exception);
        }
    }

    private static void CheckText(string? value, string rule, string path, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength)
        {
            throw Refuse(rule, path, string.Create(CultureInfo.InvariantCulture, $"The {path} is 1 to {maxLength} characters and not blank."));
        }
    }

    private static InvoiceValidationException Refuse(string rule, string path, string message) => new(ValidationIssue.Error(rule, path, message));
}

/// <summary>Source-generated JSON of a received document's issues.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ValidationIssue[]))]
internal sealed partial class ReceivedDocumentJsonContext : JsonSerializerContext;
