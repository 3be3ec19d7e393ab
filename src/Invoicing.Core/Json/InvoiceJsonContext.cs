using System.Text.Json.Serialization;

namespace Invoicing.Core.Json;

/// <summary>
/// Source-generated metadata for the invoice JSON shape (no reflection at run time). Element types of
/// <see cref="ValueList{T}"/> are listed too: its converter asks for them by type.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UseStringEnumConverter = false,
    WriteIndented = true,
    Converters = [typeof(LocalDateJsonConverter), typeof(InstantJsonConverter), typeof(CurrencyJsonConverter), typeof(ValueListJsonConverterFactory)])]
[JsonSerializable(typeof(Invoice))]
[JsonSerializable(typeof(InvoiceTotals))]
[JsonSerializable(typeof(IssuedInvoice))]
[JsonSerializable(typeof(Payment))]
[JsonSerializable(typeof(InvoiceLine))]
[JsonSerializable(typeof(AllowanceCharge))]
[JsonSerializable(typeof(InvoiceNote))]
[JsonSerializable(typeof(Identifier))]
[JsonSerializable(typeof(ItemAttribute))]
[JsonSerializable(typeof(SupportingDocument))]
[JsonSerializable(typeof(TaxRepresentative))]
[JsonSerializable(typeof(CreditTransfer))]
[JsonSerializable(typeof(PrecedingInvoiceReference))]
[JsonSerializable(typeof(VatExemption))]
[JsonSerializable(typeof(VatBreakdown))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(AppliedCredit))]
[JsonSerializable(typeof(AppliedWriteOff))]
[JsonSerializable(typeof(ValueList<InvoiceLine>))]
[JsonSerializable(typeof(ValueList<AllowanceCharge>))]
[JsonSerializable(typeof(ValueList<InvoiceNote>))]
[JsonSerializable(typeof(ValueList<Identifier>))]
[JsonSerializable(typeof(ValueList<ItemAttribute>))]
[JsonSerializable(typeof(ValueList<SupportingDocument>))]
[JsonSerializable(typeof(ValueList<CreditTransfer>))]
[JsonSerializable(typeof(ValueList<PrecedingInvoiceReference>))]
[JsonSerializable(typeof(ValueList<VatExemption>))]
[JsonSerializable(typeof(ValueList<VatBreakdown>))]
[JsonSerializable(typeof(ValueList<decimal>))]
[JsonSerializable(typeof(ValueList<Payment>))]
[JsonSerializable(typeof(ValueList<AppliedCredit>))]
internal sealed partial class InvoiceJsonContext : JsonSerializerContext;
