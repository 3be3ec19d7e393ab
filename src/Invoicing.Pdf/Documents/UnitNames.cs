namespace Invoicing.Pdf.Documents;

/// <summary>Short printed names of the most common UN/ECE Recommendation 20 units; other codes print as they are.</summary>
internal static class UnitNames
{
    public static string Of(string code, PdfLanguage language) => (code, language) switch
    {
        ("C62" or "H87" or "EA", PdfLanguage.French) => "u",
        ("C62" or "H87" or "EA", _) => "pc",
        ("HUR", _) => "h",
        ("DAY", PdfLanguage.French) => "j",
        ("DAY", _) => "day",
        ("MON", PdfLanguage.French) => "mois",
        ("MON", _) => "month",
        ("ANN", PdfLanguage.French) => "an",
        ("ANN", _) => "year",
        ("KGM", _) => "kg",
        ("GRM", _) => "g",
        ("MTR", _) => "m",
        ("MTK", _) => "m²",
        ("LTR", _) => "l",
        ("KWH", _) => "kWh",
        ("SET", PdfLanguage.French) => "lot",
        ("SET", _) => "set",
        _ => code,
    };
}
