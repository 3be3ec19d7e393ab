using System.Globalization;
using Invoicing.Core;

namespace Invoicing.EInvoicing.Cii;

/// <summary>
/// Lists what a Factur-X profile cannot carry of an invoice, one warning (rule <c>CII-PROFILE</c>) per field,
/// mirroring what <see cref="CiiSerializer"/> leaves out.
/// </summary>
internal sealed class ProfileGate(FacturXProfile profile)
{
    public const string RuleId = "CII-PROFILE";

    /// <summary>The rule of what the CII syntax itself cannot carry, whatever the profile.</summary>
    public const string SyntaxRuleId = "CII-LOSS";

    private readonly List<ValidationIssue> _losses = [];

    public FacturXProfile Profile { get; } = profile;

    public IReadOnlyList<ValidationIssue> Losses => _losses;

    public void Collect(Invoice invoice)
    {
        _losses.Clear();
        Syntax(invoice);
        var wl = Profile >= FacturXProfile.BasicWl;
        var full = Profile >= FacturXProfile.En16931;
        if (!wl)
        {
            Lose(invoice.Notes.Count > 0, "notes", "notes (BG-1)");
            Lose(invoice.ContractReference, "contractReference", "the contract reference (BT-12)");
            Lose(invoice.Delivery, "delivery", "the delivery information (BG-13)");
            Lose(invoice.DespatchAdviceReference, "despatchAdviceReference", "the despatch advice reference (BT-16)");
            Lose(invoice.Payee, "payee", "the payee (BG-10)");
            Lose(invoice.SellerTaxRepresentative, "sellerTaxRepresentative", "the seller tax representative (BG-11)");
            Lose(invoice.PaymentInstructions, "paymentInstructions", "the payment instructions (BG-16)");
            Lose(invoice.InvoicingPeriod, "invoicingPeriod", "the invoicing period (BG-14)");
            Lose(invoice.AllowancesCharges.Count > 0, "allowancesCharges", "document-level allowances and charges (BG-20, BG-21)");
            Lose(invoice.PaymentTerms, "paymentTerms", "the payment terms (BT-20)");
            Lose(invoice.DueDate, "dueDate", "the payment due date (BT-9)");
            Lose(invoice.RoundingAmount, "roundingAmount", "the rounding amount (BT-114)");
            Lose(invoice.PrepaidAmount, "prepaidAmount", "the paid amount (BT-113)");
            Lose(invoice.PrecedingInvoices.Count > 0, "precedingInvoices", "the preceding invoice references (BG-3)");
            Lose(invoice.BuyerAccountingReference, "buyerAccountingReference", "the buyer accounting reference (BT-19)");
            Lose(invoice.VatPointDate, "vatPointDate", "the VAT point date (BT-7)");
            Lose(invoice.VatDueDateType, "vatDueDateType", "the VAT due date type (BT-8)");
            Lose(invoice.VatExemptions.Count > 0, "vatExemptions", "the VAT exemption reasons (BT-120, BT-121)");
            MinimumParty(invoice.Seller, "seller", isSeller: true);
            MinimumParty(invoice.Buyer, "buyer", isSeller: false);
        }

        if (!Profile.HasLines())
        {
            Lose(invoice.Lines.Count > 0, "lines", "the invoice lines (BG-25)");
        }

        if (!full)
        {
            Lose(invoice.SalesOrderReference, "salesOrderReference", "the sales order reference (BT-14)");
            Lose(invoice.ProjectReference, "projectReference", "the project reference (BT-11)");
            Lose(invoice.SupportingDocuments is { Count: > 0 }, "supportingDocuments", "the supporting documents (BG-24)");
            Lose(invoice.TenderOrLotReference, "tenderOrLotReference", "the tender or lot reference (BT-17)");
            Lose(invoice.InvoicedObjectIdentifier, "invoicedObjectIdentifier", "the invoiced object identifier (BT-18)");
            if (wl)
            {
                Lose(invoice.ReceivingAdviceReference, "receivingAdviceReference", "the receiving advice reference (BT-15)");
                FullOnlyParty(invoice.Seller, "seller", isSeller: true);
                FullOnlyParty(invoice.Buyer, "buyer", isSeller: false);
                if (invoice.PaymentInstructions is { } payment)
                {
                    Lose(payment.MeansText, "paymentInstructions.meansText", "the payment means text (BT-82)");
                    Lose(payment.Card, "paymentInstructions.card", "the payment card (BG-18)");
                    for (var i = 0; i < payment.CreditTransfers.Count; i++)
                    {
                        var transfer = payment.CreditTransfers[i];
                        Lose(transfer.AccountName, Indexed("paymentInstructions.creditTransfers", i) + ".accountName", "the payment account name (BT-85)");
                        Lose(transfer.ServiceProviderId, Indexed("paymentInstructions.creditTransfers", i) + ".serviceProviderId", "the payment service provider (BT-86)");
                    }
                }
            }
            else
            {
                Lose(invoice.ReceivingAdviceReference, "receivingAdviceReference", "the receiving advice reference (BT-15)");
            }

            if (Profile.HasLines())
            {
                for (var i = 0; i < invoice.Lines.Count; i++)
                {
                    var line = invoice.Lines[i];
                    var path = Indexed("lines", i);
                    Lose(line.Description, path + ".description", "the item description (BT-154)");
                    Lose(line.SellerItemId, path + ".sellerItemId", "the seller's item identifier (BT-155)");
                    Lose(line.BuyerItemId, path + ".buyerItemId", "the buyer's item identifier (BT-156)");
                    Lose(line.ItemAttributes is { Count: > 0 }, path + ".itemAttributes", "the item attributes (BT-160, BT-161)");
                    Lose(line.ClassificationIds.Count > 0, path + ".classificationIds", "the item classification (BT-158)");
                    Lose(line.OriginCountryCode, path + ".originCountryCode", "the item country of origin (BT-159)");
                    Lose(line.PurchaseOrderLineReference, path + ".purchaseOrderLineReference", "the purchase order line reference (BT-132)");
                    Lose(line.AccountingReference, path + ".accountingReference", "the line accounting reference (BT-133)");
                }
            }
        }
    }

    /// <summary>What CII cannot state in any profile.</summary>
    private void Syntax(Invoice invoice)
    {
        // The CII binding of BR-53 requires the VAT accounting currency (BT-6) to differ from the invoice currency (BT-5).
        if (invoice.VatAccountingCurrency is { } accounting && accounting == invoice.Currency)
        {
            _losses.Add(ValidationIssue.Warning(SyntaxRuleId, "vatAccountingCurrency", $"The VAT accounting currency (BT-6) is the invoice currency ({accounting.Code}); CII cannot state it then (BR-53), so it is not written."));
        }
    }

    private void MinimumParty(Party party, string path, bool isSeller)
    {
        Lose(party.Identifiers.Count > 0, path + ".identifiers", "the party identifiers (BT-29, BT-46)");
        Lose(party.TradingName, path + ".tradingName", "the trading name (BT-28, BT-45)");
        Lose(party.Contact, path + ".contact", "the contact (BG-6, BG-9)");
        Lose(party.ElectronicAddress, path + ".electronicAddress", "the electronic address (BT-34, BT-49)");
        if (isSeller)
        {
            Lose(party.AdditionalLegalInfo, path + ".additionalLegalInfo", "the additional legal information (BT-33)");
            Lose(party.TaxRegistrationId, path + ".taxRegistrationId", "the tax registration identifier (BT-32)");
            var address = party.Address;
            Lose(address is not null && (address.Line1 ?? address.Line2 ?? address.Line3 ?? address.City ?? address.PostCode ?? address.Subdivision) is not null, path + ".address", "the seller's address other than its country (BG-5)");
        }
        else
        {
            Lose(party.Address, path + ".address", "the buyer's address (BG-8)");
            Lose(party.VatId, path + ".vatId", "the buyer's VAT identifier (BT-48)");
        }
    }

    private void FullOnlyParty(Party party, string path, bool isSeller)
    {
        Lose(party.TradingName, path + ".tradingName", "the trading name (BT-28, BT-45)");
        Lose(party.Contact, path + ".contact", "the contact (BG-6, BG-9)");
        if (isSeller)
        {
            Lose(party.AdditionalLegalInfo, path + ".additionalLegalInfo", "the additional legal information (BT-33)");
        }
    }

    private void Lose(object? value, string path, string what) => Lose(value is not null, path, what);

    private void Lose(bool present, string path, string what)
    {
        if (present)
        {
            _losses.Add(ValidationIssue.Warning(RuleId, path, $"The {Profile.DisplayName()} profile cannot carry {what}; it is not written."));
        }
    }

    private static string Indexed(string name, int index) => string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]");
}
