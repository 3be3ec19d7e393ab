using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Invoicing.Cli.Tests;

/// <summary>Reads back the PDFs the commands write: their text with PdfPig, their structure with qpdf.</summary>
internal static partial class PdfFiles
{
    /// <summary>The text of every page, joined, with runs of white space (non-breaking ones too) collapsed to one space.</summary>
    public static string TextOf(string path) => string.Join(' ', PageTextsOf(path));

    /// <summary>The text of each page, white space collapsed.</summary>
    public static List<string> PageTextsOf(string path)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(path);
        return document.GetPages().Select(p => Spaces().Replace(string.Join(' ', p.GetWords().Select(w => w.Text)).Replace('\u00A0', ' ').Replace('\u202F', ' '), " ")).ToList();
    }

    /// <summary>An amount as the French labels print it, without its currency: 1 234,56.</summary>
    public static string FrenchAmount(decimal amount) =>
        amount.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture).Replace(",", " ", StringComparison.Ordinal).Replace(".", ",", StringComparison.Ordinal);

    public static void QpdfCheckPasses(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("qpdf", ["--check", path]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("qpdf did not start.");
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"qpdf --check failed ({process.ExitCode}):\n{output}");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
