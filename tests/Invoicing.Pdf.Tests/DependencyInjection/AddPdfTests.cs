using Invoicing.Core;
using Invoicing.EInvoicing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Invoicing.Pdf.Tests.DependencyInjection;

/// <summary><c>AddPdf</c>: a host injects <see cref="IInvoicePdfRenderer"/>; bad options fail at start, naming the option.</summary>
public sealed class AddPdfTests
{
    [Fact]
    public void AddPdf_Resolved_RendersWithTheConfiguredLanguageAndBrand()
    {
        using var provider = Provider(o => { o.Language = PdfLanguage.English; o.BrandColor = "#8A1538"; o.Logo = TestImages.RgbPng(60, 20); });
        var renderer = provider.GetRequiredService<IInvoicePdfRenderer>();
        using var output = new MemoryStream();

        renderer.Render(TestInvoices.Sample(), output);

        var text = PdfAssert.AllText(output.ToArray());
        Assert.Contains("INVOICE", text, StringComparison.Ordinal);
        Assert.Contains(TestInvoices.Sample().Number!, text, StringComparison.Ordinal);
        using var document = UglyToad.PdfPig.PdfDocument.Open(output.ToArray());
        Assert.NotEmpty(document.GetPage(1).GetImages());
        PdfAssert.QpdfCheckPasses(output.ToArray());
    }

    [Theory]
    [InlineData(FacturXProfile.En16931)]
    [InlineData(FacturXProfile.Basic)]
    public void AddPdf_RenderFacturX_EmbedsTheConfiguredProfile(FacturXProfile profile)
    {
        using var provider = Provider(o => o.FacturXProfile = profile);
        using var output = new MemoryStream();

        provider.GetRequiredService<IInvoicePdfRenderer>().RenderFacturX(TestInvoices.Sample(), output);

        var document = FacturXReader.Read(output.ToArray());
        Assert.Equal(profile, document.Profile);
        Assert.Equal(TestInvoices.Sample().Number, document.Invoice.Number);
    }

    [Fact]
    public void AddPdf_NoConfiguration_RendersFrenchEn16931()
    {
        using var provider = Provider(null);
        using var output = new MemoryStream();

        provider.GetRequiredService<IInvoicePdfRenderer>().RenderFacturX(TestInvoices.Sample(), output);

        Assert.Equal(FacturXProfile.En16931, FacturXReader.Read(output.ToArray()).Profile);
        Assert.Contains("FACTURE", PdfAssert.AllText(output.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPdf_BadBrandColour_HostFailsAtStartNamingTheOption()
    {
        var exception = await StartFailsAsync(o => o.BrandColor = "red");

        Assert.Contains("PdfOptions.BrandColor", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPdf_LogoNotAnImage_HostFailsAtStartNamingTheOption()
    {
        var exception = await StartFailsAsync(o => o.Logo = "GIF89a not supported"u8.ToArray());

        Assert.Contains("PdfOptions.Logo", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(99, 0)]
    [InlineData(0, 99)]
    public async Task AddPdf_UnknownLanguageOrProfile_HostFailsAtStartNamingTheOption(int language, int profile)
    {
        var exception = await StartFailsAsync(o =>
        {
            o.Language = language == 0 ? PdfLanguage.French : (PdfLanguage)language;
            o.FacturXProfile = profile == 0 ? FacturXProfile.En16931 : (FacturXProfile)profile;
        });

        Assert.Contains(language != 0 ? "PdfOptions.Language" : "PdfOptions.FacturXProfile", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPdf_BadOptionsWithoutAHost_FailOnFirstResolve()
    {
        using var provider = Provider(o => o.BrandColor = "#12345");

        var exception = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IInvoicePdfRenderer>);

        Assert.Contains("PdfOptions.BrandColor", exception.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Action<PdfOptions>? configure)
    {
        var services = new ServiceCollection();
        services.AddInvoicing().AddPdf(configure);
        return services.BuildServiceProvider();
    }

    private static async Task<OptionsValidationException> StartFailsAsync(Action<PdfOptions> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddInvoicing().AddPdf(configure);
        using var host = builder.Build();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }
}
