namespace Invoicing.Core;

/// <summary>Which of a country's VAT rates applies to a supply.</summary>
public enum VatRateKind
{
    /// <summary>The standard rate (FR 20 %, DE 19 %).</summary>
    Standard,

    /// <summary>The higher reduced rate where a country has two or more (FR 10 %, BE 12 %, IT 10 %).</summary>
    Intermediate,

    /// <summary>The reduced rate (FR 5.5 %, DE 7 %, BE 6 %, ES 10 %, IT 5 %, NL 9 %).</summary>
    Reduced,

    /// <summary>The super-reduced rate (FR 2.1 %, ES 4 %, IT 4 %).</summary>
    SuperReduced,
}
