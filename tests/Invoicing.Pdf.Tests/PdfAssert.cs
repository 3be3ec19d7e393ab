using System.Diagnostics;
using UglyToad.PdfPig;

namespace Invoicing.Pdf.Tests;

/// <summary>Reads PDFs back: text per page with PdfPig, structure with qpdf.</summary>
internal static class PdfAssert
{
    /// <summary>The text of each page, with runs of white space collapsed to one space.</summary>
    public static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => Normalize(string.Join(' ', p.GetWords().Select(w => w.Text)))).ToList();
    }

    /// <summary>The whole text, pages joined.</summary>
    public static string AllText(byte[] pdf) => string.Join(' ', PageTexts(pdf));

    public static string Normalize(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Replace('\u00A0', ' '), @"\s+", " ").Trim();

    /// <summary>Runs <c>qpdf --check</c> on the bytes; fails when qpdf is missing or finds a problem.</summary>
    public static void QpdfCheckPasses(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"invoicing-pdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("qpdf", ["--check", path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("qpdf did not start.");
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                throw new InvalidOperationException("qpdf is not installed: run eng/install-test-deps.sh.", exception);
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"qpdf --check failed ({process.ExitCode}):\n{output}");
                Assert.Contains("No syntax or stream encoding errors found", output, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
