namespace Invoicing.Core;

/// <summary>Options of the invoicing core, validated when the host starts.</summary>
public sealed class InvoicingOptions
{
    /// <summary>The series invoices are numbered in. Default: <c>F{yyyy}-{seq:00000}</c>, reset yearly.</summary>
    public NumberSeries InvoiceSeries { get; set; } = NumberSeries.DefaultInvoices;

    /// <summary>The series credit notes are numbered in. Default: <c>AV{yyyy}-{seq:00000}</c>, reset yearly.</summary>
    public NumberSeries CreditNoteSeries { get; set; } = NumberSeries.DefaultCreditNotes;

    /// <summary>
    /// The business's time zone (IANA id): it decides which day "today" is for issue dates of credit notes and
    /// payments. Default: <c>Europe/Paris</c>.
    /// </summary>
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>Whether warnings block issuing, not only errors. Default: false.</summary>
    public bool TreatWarningsAsErrors { get; set; }
}
