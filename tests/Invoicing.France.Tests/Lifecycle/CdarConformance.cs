using System.Diagnostics;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Invoicing.France.Tests;

/// <summary>
/// The CDAR D22B schema of the corpus, and the French BR-FR-CDV schematron (V1.4.0, compiled to XSLT 2.0) run with
/// Saxon HE on a folder of messages at once (eng/install-test-deps.sh installs it with a Java runtime).
/// </summary>
internal static class CdarConformance
{
    private const string Saxon = "/usr/share/java/Saxon-HE.jar";
    private static readonly XNamespace Svrl = "http://purl.oclc.org/dsdl/svrl";
    private static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchemas);

    public static string SchematronPath => TestPaths.Corpus("fr-platform/cdar-rules/BR-FR-CDV-Schematron-CDAR.xslt");

    public static List<string> ValidateSchema(byte[] xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    /// <summary>Runs the schematron on every message and returns, per file name, its fatal failed asserts (rule id and text).</summary>
    public static Dictionary<string, List<string>> RunSchematron(IReadOnlyDictionary<string, byte[]> messages)
    {
        var root = Path.Combine(Path.GetTempPath(), "cdar-schematron-" + Guid.NewGuid().ToString("N"));
        var input = System.IO.Directory.CreateDirectory(Path.Combine(root, "in")).FullName;
        var output = System.IO.Directory.CreateDirectory(Path.Combine(root, "out")).FullName;
        try
        {
            foreach (var (name, bytes) in messages)
            {
                File.WriteAllBytes(Path.Combine(input, name + ".xml"), bytes);
            }

            var start = new ProcessStartInfo("java") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { "-jar", Saxon, "-s:" + input, "-xsl:" + SchematronPath, "-o:" + output })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("java could not be started.");
            var errorText = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "Saxon failed: " + errorText.Result);

            var failures = new Dictionary<string, List<string>>();
            foreach (var name in messages.Keys)
            {
                var report = XDocument.Load(Path.Combine(output, name + ".xml"));
                failures[name] = report.Descendants(Svrl + "failed-assert")
                    .Where(a => (string?)a.Attribute("flag") == "fatal")
                    .Select(a => $"{(string?)a.Attribute("id")}: {a.Element(Svrl + "text")?.Value.Trim()}")
                    .ToList();
            }

            return failures;
        }
        finally
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }

    private static XmlSchemaSet LoadSchemas()
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, TestPaths.Corpus("fr-platform/cdar-xsd/CrossDomainAcknowledgementAndResponse_100pD22B.xsd"));
        set.Compile();
        return set;
    }
}
