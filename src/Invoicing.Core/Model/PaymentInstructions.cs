namespace Invoicing.Core;

/// <summary>How the buyer is asked to pay (BG-16).</summary>
public sealed record PaymentInstructions
{
    /// <summary>Payment means code, UNTDID 4461 (BT-81): <c>58</c> SEPA credit transfer, <c>30</c> credit transfer, <c>48</c> card, <c>59</c> SEPA direct debit.</summary>
    public required string MeansCode { get; init; }

    /// <summary>Payment means as text (BT-82).</summary>
    public string? MeansText { get; init; }

    /// <summary>Remittance information, the reference the buyer quotes when paying (BT-83).</summary>
    public string? RemittanceInformation { get; init; }

    /// <summary>Accounts to pay into (BG-17).</summary>
    public ValueList<CreditTransfer> CreditTransfers { get; init => field = value ?? ValueList<CreditTransfer>.Empty; } = ValueList<CreditTransfer>.Empty;

    /// <summary>Card used (BG-18).</summary>
    public PaymentCard? Card { get; init; }

    /// <summary>Direct debit mandate (BG-19).</summary>
    public DirectDebit? DirectDebit { get; init; }

    /// <summary>SEPA credit transfer code.</summary>
    public const string SepaCreditTransfer = "58";

    /// <summary>Credit transfer (non-SEPA) code.</summary>
    public const string CreditTransferCode = "30";

    /// <summary>Bank card code.</summary>
    public const string BankCard = "48";

    /// <summary>SEPA direct debit code.</summary>
    public const string SepaDirectDebit = "59";
}

/// <summary>An account to pay into (BG-17).</summary>
/// <param name="AccountId">IBAN or other account identifier (BT-84).</param>
/// <param name="AccountName">Account name (BT-85).</param>
/// <param name="ServiceProviderId">BIC of the bank (BT-86).</param>
public sealed record CreditTransfer(string AccountId, string? AccountName = null, string? ServiceProviderId = null);

/// <summary>Payment card information (BG-18).</summary>
/// <param name="PrimaryAccountNumber">The last digits of the card number only (BT-87).</param>
/// <param name="HolderName">Card holder (BT-88).</param>
public sealed record PaymentCard(string PrimaryAccountNumber, string? HolderName = null);

/// <summary>A direct debit (BG-19).</summary>
/// <param name="MandateReference">Mandate reference (BT-89).</param>
/// <param name="CreditorId">Creditor identifier (BT-90).</param>
/// <param name="DebitedAccountId">IBAN of the debited account (BT-91).</param>
public sealed record DirectDebit(string MandateReference, string? CreditorId = null, string? DebitedAccountId = null);
