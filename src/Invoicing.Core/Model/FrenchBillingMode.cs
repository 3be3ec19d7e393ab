namespace Invoicing.Core;

/// <summary>
/// The billing modes ("cadre de facturation") of the French e-invoicing reform, carried in BT-23.
/// The letter is the operation category; the digit the billing situation.
/// </summary>
public static class FrenchBillingMode
{
    /// <summary>Goods, invoice.</summary>
    public const string B1 = "B1";
    /// <summary>Services, invoice.</summary>
    public const string S1 = "S1";
    /// <summary>Mixed, invoice.</summary>
    public const string M1 = "M1";
    /// <summary>Goods, invoice already paid.</summary>
    public const string B2 = "B2";
    /// <summary>Services, invoice already paid.</summary>
    public const string S2 = "S2";
    /// <summary>Mixed, invoice already paid.</summary>
    public const string M2 = "M2";
    /// <summary>Goods, final invoice after a down payment.</summary>
    public const string B4 = "B4";
    /// <summary>Services, final invoice after a down payment.</summary>
    public const string S4 = "S4";
    /// <summary>Mixed, final invoice after a down payment.</summary>
    public const string M4 = "M4";
    /// <summary>Services, subcontractor invoice.</summary>
    public const string S5 = "S5";
    /// <summary>Services, co-contractor invoice.</summary>
    public const string S6 = "S6";
    /// <summary>Goods, e-reporting already done (VAT already collected).</summary>
    public const string B7 = "B7";
    /// <summary>Services, e-reporting already done (VAT already collected).</summary>
    public const string S7 = "S7";

    /// <summary>Every billing mode of the French list.</summary>
    public static IReadOnlyList<string> All { get; } = [B1, S1, M1, B2, S2, M2, B4, S4, M4, S5, S6, B7, S7];

    /// <summary>Whether <paramref name="code"/> is a billing mode of the French list.</summary>
    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);

    /// <summary>The operation category a billing mode carries, or null when the code is not a French billing mode.</summary>
    public static OperationCategory? CategoryOf(string? code) => IsKnown(code)
        ? code![0] switch
        {
            'B' => OperationCategory.Goods,
            'S' => OperationCategory.Services,
            _ => OperationCategory.Mixed,
        }
        : null;
}
