using System.Globalization;
using System.Text.RegularExpressions;

namespace Invoicing.Core.Json;

/// <summary>
/// Names a place in the invoice JSON the way a user reads it: "Line 2: the field 'quantity' (BT-129)",
/// "The field 'seller.address.countryCode' (BT-40)", with the EN 16931 term where docs/invoice-json.md gives one.
/// </summary>
internal static partial class JsonFieldNames
{
    private static readonly Dictionary<string, string> Terms = new(StringComparer.Ordinal)
    {
        ["number"] = "BT-1", ["type"] = "BT-3", ["issueDate"] = "BT-2", ["currency"] = "BT-5",
        ["vatAccountingCurrency"] = "BT-6", ["vatTotalInAccountingCurrency"] = "BT-111", ["vatPointDate"] = "BT-7",
        ["vatDueDateType"] = "BT-8", ["dueDate"] = "BT-9", ["buyerReference"] = "BT-10", ["projectReference"] = "BT-11",
        ["contractReference"] = "BT-12", ["purchaseOrderReference"] = "BT-13", ["salesOrderReference"] = "BT-14",
        ["receivingAdviceReference"] = "BT-15", ["despatchAdviceReference"] = "BT-16", ["tenderOrLotReference"] = "BT-17",
        ["invoicedObjectIdentifier"] = "BT-18", ["supportingDocuments"] = "BG-24", ["buyerAccountingReference"] = "BT-19",
        ["paymentTerms"] = "BT-20", ["notes"] = "BG-1", ["businessProcessType"] = "BT-23", ["precedingInvoices"] = "BG-3",
        ["seller"] = "BG-4", ["buyer"] = "BG-7", ["payee"] = "BG-10", ["sellerTaxRepresentative"] = "BG-11",
        ["delivery"] = "BG-13", ["invoicingPeriod"] = "BG-14", ["paymentInstructions"] = "BG-16",
        ["allowancesCharges"] = "BG-20, BG-21", ["prepaidAmount"] = "BT-113", ["roundingAmount"] = "BT-114", ["lines"] = "BG-25",
        ["notes[].text"] = "BT-22", ["notes[].subjectCode"] = "BT-21",
        ["precedingInvoices[].number"] = "BT-25", ["precedingInvoices[].issueDate"] = "BT-26",
        ["seller.name"] = "BT-27", ["seller.vatId"] = "BT-31", ["seller.legalId"] = "BT-30", ["seller.address"] = "BG-5",
        ["seller.address.countryCode"] = "BT-40", ["seller.electronicAddress"] = "BT-34",
        ["buyer.name"] = "BT-44", ["buyer.vatId"] = "BT-48", ["buyer.legalId"] = "BT-47", ["buyer.address"] = "BG-8",
        ["buyer.address.countryCode"] = "BT-55", ["buyer.electronicAddress"] = "BT-49", ["payee.name"] = "BT-59",
        ["allowancesCharges[].amount"] = "BT-92, BT-99", ["allowancesCharges[].vatCategory"] = "BT-95, BT-102",
        ["allowancesCharges[].vatRate"] = "BT-96, BT-103",
        ["lines[].id"] = "BT-126", ["lines[].note"] = "BT-127", ["lines[].quantity"] = "BT-129", ["lines[].unitCode"] = "BT-130",
        ["lines[].netPrice"] = "BT-146", ["lines[].priceDiscount"] = "BT-147", ["lines[].grossPrice"] = "BT-148",
        ["lines[].baseQuantity"] = "BT-149", ["lines[].allowancesCharges"] = "BG-27, BG-28", ["lines[].vatCategory"] = "BT-151",
        ["lines[].vatRate"] = "BT-152", ["lines[].period"] = "BG-26", ["lines[].itemName"] = "BT-153",
        ["lines[].description"] = "BT-154", ["lines[].allowancesCharges[].amount"] = "BT-136, BT-141",
    };

    /// <summary>The subject of a sentence about <paramref name="path"/> (<c>lines[0].quantity</c>), capitalised.</summary>
    public static string Subject(string path)
    {
        if (path.Length == 0)
        {
            return "The invoice";
        }

        if (LinePrefix().Match(path) is { Success: true } line)
        {
            var number = int.Parse(line.Groups[1].ValueSpan, CultureInfo.InvariantCulture) + 1;
            var rest = path[line.Length..].TrimStart('.');
            return rest.Length == 0
                ? string.Create(CultureInfo.InvariantCulture, $"Line {number}")
                : string.Create(CultureInfo.InvariantCulture, $"Line {number}: {Name(rest, path)}");
        }

        var name = Name(path, path);
        return string.Concat(name[..1].ToUpperInvariant(), name[1..]);
    }

    /// <summary>Where a field sits, for "Unknown field 'x' in line 3": empty at the top of the document.</summary>
    public static string Within(string path) =>
        path.Length == 0 ? string.Empty
        : LinePrefix().Match(path) is { Success: true } line && line.Length == path.Length
            ? string.Create(CultureInfo.InvariantCulture, $" in line {int.Parse(line.Groups[1].ValueSpan, CultureInfo.InvariantCulture) + 1}")
            : $" in '{path}'";

    private static string Name(string relative, string path)
    {
        if (TrailingIndex().Match(relative) is { Success: true } item)
        {
            var position = int.Parse(item.Groups[1].ValueSpan, CultureInfo.InvariantCulture) + 1;
            return string.Create(CultureInfo.InvariantCulture, $"item {position} of '{relative[..item.Index]}'");
        }

        return Terms.TryGetValue(AnyIndex().Replace(path, "[]"), out var term) ? $"the field '{relative}' ({term})" : $"the field '{relative}'";
    }

    [GeneratedRegex(@"^lines\[(\d+)\]")]
    private static partial Regex LinePrefix();

    [GeneratedRegex(@"\[(\d+)\]$")]
    private static partial Regex TrailingIndex();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex AnyIndex();
}
