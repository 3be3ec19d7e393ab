using Invoicing.Core;
using Invoicing.EInvoicing.Xml;
using NodaTime;

namespace Invoicing.EInvoicing.Cii;

/// <content>The header trade settlement: currencies, payment, VAT breakdown, allowances and charges, totals.</content>
internal sealed partial class CiiParser
{
    private Settlement ReadSettlement()
    {
        var depth = _cursor.Depth;
        string? creditorId = null, remittance = null, taxCurrencyCode = null, currencyCode = null, accountingReference = null;
        Party? payee = null;
        InvoicePeriod? period = null;
        Summation? summation = null;
        var means = new PaymentMeans();
        var terms = new PaymentTerms();
        var taxes = new HeaderTaxes();
        var allowancesCharges = new List<AllowanceCharge>();
        var preceding = new List<PrecedingInvoiceReference>();
        bool hasPayee = false, hasPeriod = false, hasAccount = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "CreditorReferenceID":
                    creditorId ??= Text();
                    break;
                case "PaymentReference":
                    remittance ??= Text();
                    break;
                case "TaxCurrencyCode":
                    taxCurrencyCode ??= Text();
                    break;
                case "InvoiceCurrencyCode":
                    currencyCode ??= Text();
                    break;
                case "PayeeTradeParty" when !hasPayee:
                    hasPayee = true;
                    payee = ReadPayee();
                    break;
                case "SpecifiedTradeSettlementPaymentMeans":
                    ReadPaymentMeans(means);
                    break;
                case "ApplicableTradeTax":
                    ReadHeaderTax(taxes);
                    break;
                case "BillingSpecifiedPeriod" when !hasPeriod:
                    hasPeriod = true;
                    period = ReadPeriod("the invoicing period start date (BT-73)", "the invoicing period end date (BT-74)");
                    break;
                case "SpecifiedTradeAllowanceCharge":
                    allowancesCharges.Add(ReadAllowanceCharge(withTax: true, line: 0));
                    break;
                case "SpecifiedTradePaymentTerms":
                    ReadPaymentTerms(terms);
                    break;
                case "SpecifiedTradeSettlementHeaderMonetarySummation":
                    summation ??= ReadSummation();
                    break;
                case "InvoiceReferencedDocument":
                    preceding.Add(ReadPreceding());
                    break;
                case "ReceivableSpecifiedTradeAccountingAccount" when !hasAccount:
                    hasAccount = true;
                    accountingReference = ChildText("ID");
                    break;
                default:
                    break;
            }
        }

        var code = Required(currencyCode, depth, "InvoiceCurrencyCode", "the invoice currency code (BT-5)");
        var currency = Currency.TryFromCode(code, out var parsed)
            ? parsed
            : throw BadCode(depth, "InvoiceCurrencyCode", code, "the invoice currency code (BT-5)", "the ISO 4217 currency codes (EUR, USD...)");
        Currency? taxCurrency = null;
        if (Value(taxCurrencyCode) is { } taxCode)
        {
            taxCurrency = Currency.TryFromCode(taxCode, out var parsedTax)
                ? parsedTax
                : throw BadCode(depth, "TaxCurrencyCode", taxCode, "the VAT accounting currency code (BT-6)", "the ISO 4217 currency codes (EUR, USD...)");
        }

        var totals = Required(summation, depth, "SpecifiedTradeSettlementHeaderMonetarySummation", "the document totals (BG-22)");
        var vatInAccountingCurrency = taxCurrency is { } tc && tc.Code != currency.Code
            ? totals.TaxTotal(tc.Code, acceptMissingCurrency: false, "the VAT total in accounting currency (BT-111)")
            : null;
        taxes.Rows.Sort((l, r) => l.Category != r.Category ? l.Category.CompareTo(r.Category) : Nullable.Compare(l.Rate, r.Rate));
        var stated = new InvoiceTotals
        {
            LineNetTotal = totals.LineNetTotal ?? 0m,
            ChargeTotal = totals.ChargeTotal,
            AllowanceTotal = totals.AllowanceTotal,
            TaxExclusiveAmount = totals.TaxBasis,
            VatTotal = totals.TaxTotal(currency.Code, acceptMissingCurrency: true, "the VAT total (BT-110)") ?? 0m,
            RoundingAmount = totals.RoundingAmount,
            TaxInclusiveAmount = totals.GrandTotal,
            PrepaidAmount = totals.PrepaidAmount,
            AmountDue = totals.DuePayable,
            VatBreakdown = taxes.Rows.ToValueList(),
            LineNetAmounts = ValueList<decimal>.Empty, // The lines are read apart; the root sets them.
        };

        return new Settlement(
            currency,
            taxCurrency,
            vatInAccountingCurrency,
            taxes.PointDate,
            taxes.DueDateType,
            terms.DueDate,
            Value(accountingReference),
            terms.Descriptions is null ? null : string.Join("\n", terms.Descriptions),
            preceding,
            payee,
            period,
            means.ToInstructions(terms.Mandate, Value(creditorId), Value(remittance)),
            allowancesCharges,
            taxes.Exemptions,
            stated);
    }

    /// <summary>A VAT breakdown row (BG-23), its exemption reason, and the VAT point date (BT-7) and its code (BT-8) while none is known yet.</summary>
    private void ReadHeaderTax(HeaderTaxes taxes)
    {
        var depth = _cursor.Depth;
        string? calculated = null, basis = null, category = null, exemptionCode = null, exemption = null, rate = null;
        bool hasPointDate = false, hasDueDateCode = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "CalculatedAmount":
                    calculated ??= Text();
                    break;
                case "BasisAmount":
                    basis ??= Text();
                    break;
                case "CategoryCode":
                    category ??= Text();
                    break;
                case "ExemptionReasonCode":
                    exemptionCode ??= Text();
                    break;
                case "ExemptionReason":
                    exemption ??= Text();
                    break;
                case "RateApplicablePercent":
                    rate ??= Text();
                    break;
                case "TaxPointDate" when !hasPointDate:
                    hasPointDate = true;
                    if (taxes.PointDate is null)
                    {
                        taxes.PointDate = ReadDate("the VAT point date (BT-7)");
                    }

                    break;
                case "DueDateTypeCode" when !hasDueDateCode:
                    hasDueDateCode = true;
                    if (taxes.DueDateType is null)
                    {
                        var code = Text();
                        if (code.Length > 0)
                        {
                            taxes.DueDateType = CiiCodes.TryParseVatDueDateCode(code, out var type)
                                ? type
                                : throw _cursor.Error(_cursor.Depth, $"{Subject("the VAT point date code (BT-8)", 0)} must be one of the UNTDID 2475 codes 5 (invoice date), 29 (delivery date) or 72 (payment date), got \"{Shorten(code)}\" (XML-CODE).");
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        var vatCategory = Category(category, depth, "the VAT category code of the VAT breakdown (BT-118)", 0);
        taxes.Rows.Add(new VatBreakdown(
            vatCategory,
            OptionalDecimal(rate, depth, "RateApplicablePercent", "the VAT rate of the VAT breakdown (BT-119)") ?? (vatCategory == VatCategory.O || !vatCategory.IsZeroVat() ? null : 0m),
            RequiredDecimal(basis, depth, "BasisAmount", "the VAT category taxable amount (BT-116)"),
            RequiredDecimal(calculated, depth, "CalculatedAmount", "the VAT category tax amount (BT-117)"),
            Value(exemptionCode),
            Value(exemption)));
        if ((Value(exemptionCode) is not null || Value(exemption) is not null) && !taxes.Exemptions.Exists(e => e.Category == vatCategory))
        {
            taxes.Exemptions.Add(new VatExemption(vatCategory, Value(exemptionCode), Value(exemption)));
        }
    }

    /// <summary>A VAT category code (<c>CategoryCode</c> child of the element at <paramref name="depth"/>).</summary>
    private VatCategory Category(string? code, int depth, string field, int line)
    {
        var value = Required(code, depth, "CategoryCode", field, line);
        return VatCategories.TryParse(value, out var category)
            ? category
            : throw BadCode(depth, "CategoryCode", value, field, "the EN 16931 VAT categories (S, Z, E, AE, K, G, O, L, M)", line);
    }

    /// <summary>Payment terms: every description (BT-20), the first due date (BT-9) and direct debit mandate (BT-89) of all terms.</summary>
    private void ReadPaymentTerms(PaymentTerms terms)
    {
        var depth = _cursor.Depth;
        string? mandate = null;
        var hasDueDate = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "Description":
                    var description = Text();
                    if (description.Length > 0)
                    {
                        (terms.Descriptions ??= []).Add(description);
                    }

                    break;
                case "DueDateDateTime" when !hasDueDate:
                    hasDueDate = true;
                    if (terms.DueDate is null)
                    {
                        terms.DueDate = ReadDate("the payment due date (BT-9)");
                    }

                    break;
                case "DirectDebitMandateID":
                    mandate ??= Text();
                    break;
                default:
                    break;
            }
        }

        terms.Mandate ??= Value(mandate);
    }

    /// <summary>A payment means (BG-16): the first gives the code (BT-81) and text (BT-82); each may add an account, a card or a debited account.</summary>
    private void ReadPaymentMeans(PaymentMeans means)
    {
        var depth = _cursor.Depth;
        string? typeCode = null, information = null, bic = null, debited = null;
        (string? Iban, string? Proprietary, string? Name)? account = null;
        (string? Pan, string? Holder)? card = null;
        bool hasInstitution = false, hasDebtor = false;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "TypeCode":
                    typeCode ??= Text();
                    break;
                case "Information":
                    information ??= Text();
                    break;
                case "PayeePartyCreditorFinancialAccount" when account is null:
                    account = ReadCreditorAccount();
                    break;
                case "PayeeSpecifiedCreditorFinancialInstitution" when !hasInstitution:
                    hasInstitution = true;
                    bic = ChildText("BICID");
                    break;
                case "ApplicableTradeSettlementFinancialCard" when card is null:
                    card = ReadCard();
                    break;
                case "PayerPartyDebtorFinancialAccount" when !hasDebtor:
                    hasDebtor = true;
                    debited = ChildText("IBANID");
                    break;
                default:
                    break;
            }
        }

        if (means.Count++ == 0)
        {
            means.Code = Required(typeCode, depth, "TypeCode", "the payment means type code (BT-81)");
            means.Text = Value(information);
        }

        if (account is { } a && (Value(a.Iban) ?? Value(a.Proprietary)) is { } accountId)
        {
            means.Transfers.Add(new CreditTransfer(accountId, Value(a.Name), Value(bic)));
        }

        if (means.Card is null && card is { } c && Value(c.Pan) is { } pan)
        {
            means.Card = new PaymentCard(pan, Value(c.Holder));
        }

        means.Debited ??= Value(debited);
    }

    private (string? Iban, string? Proprietary, string? Name) ReadCreditorAccount()
    {
        var depth = _cursor.Depth;
        string? iban = null, proprietary = null, name = null;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "IBANID":
                    iban ??= Text();
                    break;
                case "ProprietaryID":
                    proprietary ??= Text();
                    break;
                case "AccountName":
                    name ??= Text();
                    break;
                default:
                    break;
            }
        }

        return (iban, proprietary, name);
    }

    private (string? Pan, string? Holder) ReadCard()
    {
        var depth = _cursor.Depth;
        string? pan = null, holder = null;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "ID":
                    pan ??= Text();
                    break;
                case "CardholderName":
                    holder ??= Text();
                    break;
                default:
                    break;
            }
        }

        return (pan, holder);
    }

    /// <summary>A document-level (<paramref name="line"/> 0, with its VAT category) or line-level allowance or charge.</summary>
    private AllowanceCharge ReadAllowanceCharge(bool withTax, int line)
    {
        var depth = _cursor.Depth;
        bool? isCharge = null;
        string? amount = null, basis = null, percent = null, reason = null, reasonCode = null;
        (VatCategory Category, decimal? Rate)? tax = null;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "ChargeIndicator" when isCharge is null:
                    isCharge = ReadIndicator(line);
                    break;
                case "ActualAmount":
                    amount ??= Text();
                    break;
                case "BasisAmount":
                    basis ??= Text();
                    break;
                case "CalculationPercent":
                    percent ??= Text();
                    break;
                case "Reason":
                    reason ??= Text();
                    break;
                case "ReasonCode":
                    reasonCode ??= Text();
                    break;
                case "CategoryTradeTax" when withTax && tax is null:
                    tax = ReadTradeTax("the VAT category code of the allowance or charge (BT-95, BT-102)", "the VAT rate of the allowance or charge (BT-96, BT-103)", 0);
                    break;
                default:
                    break;
            }
        }

        var charge = isCharge ?? throw _cursor.Error(depth, MissingMessage("the charge indicator of an allowance or charge (BG-20, BG-21)", line), "ChargeIndicator");
        var (amountField, basisField, percentField) = (charge, line > 0) switch
        {
            (false, false) => ("the allowance amount (BT-92)", "the allowance base amount (BT-93)", "the allowance percentage (BT-94)"),
            (true, false) => ("the charge amount (BT-99)", "the charge base amount (BT-100)", "the charge percentage (BT-101)"),
            (false, true) => ("the line allowance amount (BT-136)", "the line allowance base amount (BT-137)", "the line allowance percentage (BT-138)"),
            (true, true) => ("the line charge amount (BT-141)", "the line charge base amount (BT-142)", "the line charge percentage (BT-143)"),
        };
        return new AllowanceCharge
        {
            IsCharge = charge,
            Amount = RequiredDecimal(amount, depth, "ActualAmount", amountField, line),
            BaseAmount = OptionalDecimal(basis, depth, "BasisAmount", basisField, line),
            Percentage = OptionalDecimal(percent, depth, "CalculationPercent", percentField, line),
            VatCategory = tax?.Category,
            VatRate = tax?.Rate,
            Reason = Value(reason),
            ReasonCode = Value(reasonCode),
        };
    }

    /// <summary>
    /// The VAT category and rate of an <c>ApplicableTradeTax</c> or <c>CategoryTradeTax</c>: a line's (BT-151, BT-152)
    /// or a document-level allowance's or charge's (BT-95/BT-102, BT-96/BT-103), named by the terms given.
    /// </summary>
    private (VatCategory Category, decimal? Rate) ReadTradeTax(string categoryTerm, string rateTerm, int line)
    {
        var depth = _cursor.Depth;
        string? category = null, rate = null;
        while (_cursor.ReadChild(depth))
        {
            if (!IsRam)
            {
                continue;
            }

            switch (_cursor.LocalName)
            {
                case "CategoryCode":
                    category ??= Text();
                    break;
                case "RateApplicablePercent":
                    rate ??= Text();
                    break;
                default:
                    break;
            }
        }

        return (
            Category(category, depth, categoryTerm, line),
            OptionalDecimal(rate, depth, "RateApplicablePercent", rateTerm, line));
    }
}
