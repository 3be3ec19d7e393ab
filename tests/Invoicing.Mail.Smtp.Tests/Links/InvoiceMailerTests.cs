using Invoicing.Core;
using Invoicing.Dunning;
using Invoicing.EInvoicing;
using Invoicing.Pdf;
using Invoicing.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using NodaTime.Testing;
using SmtpServer.Protocol;

namespace Invoicing.Mail.Smtp.Tests.Links;

/// <summary>The invoice mail over real SMTP, from a real SQLite store, with a real Factur-X PDF attached.</summary>
public sealed class InvoiceMailerTests : IAsyncLifetime
{
    private static readonly LocalDate Due = new(2026, 12, 31);
    private readonly string _file = Path.Combine(Path.GetTempPath(), "invoice-mail-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 12, 1, 9, 0));
    private IInvoiceStore _store = null!;
    private IssuedInvoice _issued = null!;

    public async Task InitializeAsync()
    {
        _store = SqliteInvoiceStores.Open("Data Source=" + _file);
        _issued = await _store.IssueAsync(new IssueRequest { Document = Fixtures.Invoice("", Due) with { Number = null }, Series = NumberSeries.DefaultInvoices, IssuedAt = _clock.GetCurrentInstant() });
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncDisposable)_store).DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private IInvoiceMailer Mailer(int port, params IMailLinkSource[] links)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(_clock);
        services.AddSingleton(_store);
        services.AddSingleton(SqliteInvoiceStores.OpenEventStore(_store));
        services.AddSingleton(SqliteInvoiceStores.OpenDunningSettingsStore(_store));
        services.AddSingleton(RunnerHarness.Smtp(port));
        services.AddSingleton(InvoiceAttachmentProviders.FromDelegate((account, _) => Task.FromResult<byte[]?>(FacturXPdf.ToBytes(account.Invoice.Document, FacturXProfile.En16931))));
        foreach (var link in links)
        {
            services.AddSingleton(link);
        }

        services.AddInvoicing().AddDunning(o =>
        {
            o.MessageIdDomain = "invoices.example.com";
            o.From = "factures@atelier.example";
        });
        return services.BuildServiceProvider().GetRequiredService<IInvoiceMailer>();
    }

    private async Task<IReadOnlyList<InvoiceEvent>> SentEventsAsync() =>
        [.. (await SqliteInvoiceStores.OpenEventStore(_store).ReadEventsAsync(0, 100)).Where(e => e.Kind == InvoiceEventKind.Sent)];

    [Fact]
    public async Task SendAsync_FrenchCustomer_MailsTheFacturXPdfWithLinks_AndRecordsTheSentEvent()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        var mailer = Mailer(server.Port, new FixedLinks("https://billing.example/portal/redeem?t=abc", "https://checkout.example/s/1"));

        var result = await mailer.SendAsync(_issued.Number);

        Assert.Equal(MailSendStatus.Sent, result.Status);
        var message = Assert.Single(server.Received);
        Assert.Equal("compta@dupont.example", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal($"Facture {_issued.Number} de Atelier Lumière SAS", message.Subject);
        Assert.Equal(MessageIds.ForInvoice(_issued.Number, "invoices.example.com"), message.MessageId);
        Assert.Contains("1\u00A0200,00\u00A0EUR", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Vos factures : https://billing.example/portal/redeem?t=abc", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://checkout.example/s/1\"", message.HtmlBody, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        using var pdf = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdf);
        var embedded = FacturXReader.Read(pdf.ToArray());
        Assert.Equal(_issued.Number, embedded.Invoice.Number);
        Assert.Equal(_issued.Totals.AmountDue, embedded.StatedTotals.AmountDue);
        var sent = Assert.Single(await SentEventsAsync());
        Assert.Equal(_issued.Number, sent.InvoiceNumber);
        Assert.Equal(_clock.GetCurrentInstant(), sent.OccurredAt);
    }

    [Fact]
    public async Task SendAsync_EnglishCustomerWithoutLinkSources_UsesTheFormatStringsAsReminders_Do()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        await SqliteInvoiceStores.OpenDunningSettingsStore(_store).SaveCustomerAsync(new DunningCustomerSettings { CustomerKey = "C-001", Language = "en-GB", Email = "ap@dupont.example" });

        var result = await Mailer(server.Port).SendAsync(_issued.Number);

        Assert.Equal(MailSendStatus.Sent, result.Status);
        var message = Assert.Single(server.Received);
        Assert.Equal("ap@dupont.example", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal($"Invoice {_issued.Number} from Atelier Lumière SAS", message.Subject);
        Assert.Contains("EUR 1,200.00, due on 31 December 2026", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Pay online", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TransportRefuses_ReturnsTheFailureAndRecordsNothing()
    {
        await using var server = await LoopbackSmtpServer.StartAsync(new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "no such user"));

        var result = await Mailer(server.Port).SendAsync(_issued.Number);

        Assert.Equal(MailSendStatus.PermanentFailure, result.Status);
        Assert.Empty(await SentEventsAsync());
    }

    [Theory]
    [InlineData("", "DUN-MAIL-INVOICE")]
    [InlineData("   ", "DUN-MAIL-INVOICE")]
    [InlineData("F2026-99999", "DUN-MAIL-INVOICE-UNKNOWN")]
    [InlineData("'; DROP TABLE invoices; --", "DUN-MAIL-INVOICE-UNKNOWN")]
    public async Task SendAsync_BadNumber_IsATypedErrorAndSendsNothing(string number, string rule)
    {
        await using var server = await LoopbackSmtpServer.StartAsync();

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => Mailer(server.Port).SendAsync(number));

        var issue = Assert.Single(error.Issues);
        Assert.Equal(rule, issue.RuleId);
        Assert.Equal("invoiceNumber", issue.Path);
        Assert.Empty(server.Received);
        Assert.Empty(await SentEventsAsync());
    }

    [Fact]
    public async Task SendAsync_NoAddress_NamesTheBuyerContactAndSendsNothing()
    {
        await using var server = await LoopbackSmtpServer.StartAsync();
        var noEmail = await _store.IssueAsync(new IssueRequest { Document = Fixtures.Invoice("", Due, email: null) with { Number = null }, Series = NumberSeries.DefaultInvoices, IssuedAt = _clock.GetCurrentInstant() });

        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => Mailer(server.Port).SendAsync(noEmail.Number));

        Assert.Equal(("DUN-MAIL-RECIPIENT", "buyer.contact.email"), (error.Issues[0].RuleId, error.Issues[0].Path));
        Assert.Empty(server.Received);
        Assert.Empty(await SentEventsAsync());
    }
}
