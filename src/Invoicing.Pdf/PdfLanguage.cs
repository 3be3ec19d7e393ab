namespace Invoicing.Pdf;

/// <summary>The language of the labels printed on a document.</summary>
public enum PdfLanguage
{
    /// <summary>French labels, amounts as <c>1 234,56</c>, dates as <c>02/11/2026</c>.</summary>
    French,

    /// <summary>English labels, amounts as <c>1,234.56</c>, dates as <c>2 Nov 2026</c>.</summary>
    English,
}
