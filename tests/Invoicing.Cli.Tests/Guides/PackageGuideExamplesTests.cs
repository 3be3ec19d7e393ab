using Invoicing.Core;
using Invoicing.Dunning;
using Invoicing.EInvoicing;
using Invoicing.Events;
using Invoicing.Mail.Smtp;
using Invoicing.Pdf;
using Invoicing.Reporting;
using Invoicing.Roi;
using Invoicing.Storage.PostgreSql;
using Invoicing.Storage.Sqlite;
using Invoicing.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Cli.Tests.Guides;

/// <summary>
/// The code of the package guides (docs/packages/*.md) and of docs/host-integration.md, compiled and run here so the
/// guides cannot drift from the API. Each test names the guide it stands for; keep the two in step.
/// </summary>
public sealed class PackageGuideExamplesTests : IDisposable
{
    private static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "invoicing-guides-" + Guid.NewGuid().ToString("N"));

    public PackageGuideExamplesTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>docs/packages/Invoicing.Core.md: wire, issue, credit, pay.</summary>
    [Fact]
    public async Task CoreGuide_IssueCreditPay_NumbersAndBalances()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(Tuesday));
        services.AddInvoicing(o =>
        {
            o.InvoiceSeries = new NumberSeries("invoices", "F{yyyy}-{seq:00000}", resetsYearly: true);
            o.CreditNoteSeries = new NumberSeries("credit-notes", "AV{yyyy}-{seq:00000}", resetsYearly: true);
            o.TimeZone = "Europe/Paris";
        }).UseInMemoryStore();
        await using var provider = services.BuildServiceProvider();
        var invoicing = provider.GetRequiredService<InvoicingService>();

        var issued = await invoicing.IssueAsync(Draft(invoicing.Today));
        var credit = await invoicing.CreditAsync(issued.Number, [new CreditedLine("1", 1m)], "One hour not worked");
        var account = await invoicing.RecordPaymentAsync(issued.Number, 204m, PaymentMethod.CreditTransfer, reference: "VIR-1234");

        Assert.Equal("F2026-00001", issued.Number);
        Assert.Equal(306m, issued.Totals.AmountDue);
        Assert.Equal("AV2026-00001", credit.Number);
        Assert.Equal(0m, account.Balance);
    }

    /// <summary>docs/packages/Invoicing.Core.md: errors.</summary>
    [Fact]
    public async Task CoreGuide_DraftWithoutLines_InvoiceValidationExceptionNamesBr16()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UseInMemoryStore();
        await using var provider = services.BuildServiceProvider();
        var invoicing = provider.GetRequiredService<InvoicingService>();

        var exception = await Assert.ThrowsAsync<InvoiceValidationException>(() => invoicing.IssueAsync(Draft(invoicing.Today) with { Lines = [] }));

        Assert.Contains(exception.Issues, issue => issue.RuleId == "BR-16" && issue.Severity == ValidationSeverity.Error);
    }

    /// <summary>docs/packages/Invoicing.Core.md and docs/host-integration.md: options are checked when the host starts.</summary>
    [Fact]
    public void CoreGuide_UnknownTimeZone_FailsAtStartNamingTheOption()
    {
        var services = new ServiceCollection();
        services.AddInvoicing(o => o.TimeZone = "Paris").UseInMemoryStore();
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("TimeZone must be an IANA time zone id", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>docs/packages/Invoicing.Storage.Sqlite.md: DI and the standalone store.</summary>
    [Fact]
    public async Task SqliteGuide_UseSqliteThenOpen_SameFileVerifies()
    {
        var path = Path.Combine(_folder, "invoices.db");
        var services = new ServiceCollection();
        services.AddInvoicing().UseSqlite($"Data Source={path}", o =>
        {
            o.BusyTimeout = TimeSpan.FromSeconds(30);
            o.DurableCommits = true;
        });
        await using (var provider = services.BuildServiceProvider())
        {
            var invoicing = provider.GetRequiredService<InvoicingService>();
            await invoicing.IssueAsync(Draft(invoicing.Today));
        }

        var store = SqliteInvoiceStores.Open($"Data Source={path}");
        await using var disposable = (IAsyncDisposable)store;
        IReadOnlyList<int> applied = await SqliteInvoiceStores.MigrateAsync(store);
        ArchiveVerification verification = await store.VerifyArchiveAsync();
        var readOnly = await SqliteArchive.VerifyAsync(path);

        Assert.Empty(applied);
        Assert.True(verification.IsIntact);
        Assert.Equal(1, readOnly.DocumentsChecked);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceCollection().AddInvoicing().UseSqlite($"Data Source={path}", o => o.BusyTimeout = TimeSpan.Zero));
    }

    /// <summary>docs/packages/Invoicing.Storage.PostgreSql.md: registration needs no server; bad names fail at once.</summary>
    [Fact]
    public async Task PostgreSqlGuide_UsePostgreSql_RegistersStoreJournalAndSettings()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UsePostgreSql("Host=db.internal;Port=5432;Username=invoicing;Password=secret;Database=erp", schema: "invoicing");
        await using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IInvoiceStore>());
        Assert.NotNull(provider.GetRequiredService<IReminderJournal>());
        Assert.NotNull(provider.GetRequiredService<IDunningSettingsStore>());
        Assert.Throws<ArgumentException>(() => new PostgreSqlStoreOptions("Host=db.internal;Database=erp", "Billing-2026"));
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddInvoicing().UsePostgreSql(" "));
    }

    /// <summary>docs/packages/Invoicing.EInvoicing.md: write CII and UBL, read either back.</summary>
    [Fact]
    public async Task EInvoicingGuide_WriteCiiAndUbl_ReadBackTheSameTotals()
    {
        var invoicing = new InvoicingService(InvoiceStores.CreateInMemory(), SystemClock.Instance);
        var issued = await invoicing.IssueAsync(Draft(invoicing.Today));

        byte[] cii = CiiWriter.ToBytes(issued.Document, FacturXProfile.En16931);
        using var ubl = new MemoryStream();
        IReadOnlyList<ValidationIssue> lost = EInvoiceWriter.Write(issued.Document, EInvoiceSyntax.Ubl, ubl);
        ubl.Position = 0;
        EInvoiceDocument fromCii = EInvoiceReader.Read(cii);
        EInvoiceDocument fromUbl = EInvoiceReader.Read(ubl);

        Assert.Empty(lost);
        Assert.Equal(EInvoiceSyntax.Cii, fromCii.Syntax);
        Assert.Equal(FacturXProfile.En16931, fromCii.Profile);
        Assert.Equal(issued.Totals.AmountDue, fromCii.StatedTotals.AmountDue);
        Assert.Equal(EInvoiceSyntax.Ubl, fromUbl.Syntax);
        Assert.Equal(issued.Number, fromUbl.Invoice.Number);
        var format = Assert.Throws<InvoiceFormatException>(() => EInvoiceReader.Read("<Invoice"u8.ToArray()));
        Assert.NotNull(format.Path);
    }

    /// <summary>docs/packages/Invoicing.Pdf.md: AddPdf, the renderer, reading the Factur-X back.</summary>
    [Fact]
    public async Task PdfGuide_AddPdf_RendersFacturXThatReadsBack()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UseInMemoryStore().AddPdf(o =>
        {
            o.Language = PdfLanguage.English;
            o.BrandColor = "#8A1538";
            o.SepaQrCode = true;
            o.FacturXProfile = FacturXProfile.En16931;
        });
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var invoicing = provider.GetRequiredService<InvoicingService>();
        var renderer = provider.GetRequiredService<IInvoicePdfRenderer>();
        var issued = await invoicing.IssueAsync(Draft(invoicing.Today));

        using var pdf = new MemoryStream();
        var lost = renderer.RenderFacturX(issued.Document, pdf);
        var read = FacturXReader.Read(pdf.ToArray());
        var plain = InvoicePdf.ToBytes(issued.Document, new PdfRenderOptions { Language = PdfLanguage.French });

        Assert.Empty(lost);
        Assert.Equal(issued.Number, read.Invoice.Number);
        Assert.Equal("%PDF"u8.ToArray(), plain[..4]);
    }

    /// <summary>docs/packages/Invoicing.Pdf.md: a bad brand colour fails at start naming the option.</summary>
    [Fact]
    public void PdfGuide_BadBrandColor_FailsAtStart()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UseInMemoryStore().AddPdf(o => o.BrandColor = "red");
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("PdfOptions.BrandColor", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>docs/packages/Invoicing.Dunning.md and docs/host-integration.md: the runner over a pickup folder, once per step.</summary>
    [Fact]
    public async Task DunningGuide_RunOnceTwice_WritesTheReminderOnce()
    {
        var pickup = Path.Combine(_folder, "pickup");
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(Tuesday));
        services.AddInvoicing()
            .UseSqlite($"Data Source={Path.Combine(_folder, "dunning.db")}")
            .AddDunning(o =>
            {
                o.MessageIdDomain = "reminders.example.com";
                o.From = "relances@example.com";
                o.RunInBackground = false;
            })
            .UsePickupFolderMail(pickup, "relances@example.com")
            .AddPdf();
        services.AddSingleton(provider =>
        {
            var renderer = provider.GetRequiredService<IInvoicePdfRenderer>();
            return InvoiceAttachmentProviders.FromDelegate((account, _) =>
            {
                using var pdf = new MemoryStream();
                renderer.Render(account.Invoice.Document, pdf);
                return Task.FromResult<byte[]?>(pdf.ToArray());
            });
        });
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var invoicing = provider.GetRequiredService<InvoicingService>();
        var issued = await invoicing.IssueAsync(Draft(invoicing.Today, dueInDays: 7));
        var runner = provider.GetRequiredService<IDunningRunner>();

        var first = await runner.RunOnceAsync();
        var second = await runner.RunOnceAsync();

        Assert.Equal(1, first.Sent);
        Assert.Equal(0, second.Sent);
        var mail = Assert.Single(Directory.GetFiles(pickup, "*.eml"));
        Assert.Contains($"{issued.Number}.pdf", await File.ReadAllTextAsync(mail), StringComparison.Ordinal);
        Assert.Single(provider.GetServices<IHostedService>());
        Assert.Equal("SqliteReminderJournal", provider.GetRequiredService<IReminderJournal>().GetType().Name);
    }

    /// <summary>docs/packages/Invoicing.Dunning.md: a bad option fails at start naming it.</summary>
    [Fact]
    public void DunningGuide_BadMessageIdDomain_FailsAtStart()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UseInMemoryStore()
            .AddDunning(o => o.MessageIdDomain = "not a host")
            .UsePickupFolderMail(Path.Combine(_folder, "pickup"), "relances@example.com");
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("DunningOptions.MessageIdDomain must be a DNS host name.", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>docs/packages/Invoicing.Dunning.md: policies and late-payment money.</summary>
    [Fact]
    public void DunningGuide_PolicyAndLatePayment_AsDocumented()
    {
        var policy = DunningPolicy.Default(formalNoticeDay: 34, maxOffsetDays: 62);
        var steps = policy.Schedule(new LocalDate(2026, 12, 15)).Select(s => s.Step.Id).Take(4).ToArray();
        var costs = LatePaymentCalculator.Compute(1_000m, Currency.Eur, new LocalDate(2026, 1, 15), new LocalDate(2026, 2, 14), LatePaymentRateTable.France);

        Assert.Equal(["d-7", "d+0", "d+3", "d+6"], steps);
        Assert.Equal(30, costs.DaysLate);
        Assert.Equal(40m, costs.RecoveryIndemnity);
        Assert.Equal(Math.Round(1_000m * 0.1215m * 30 / 365, 2, MidpointRounding.AwayFromZero), costs.Interest);
        Assert.Throws<InvoiceValidationException>(() => new DunningPolicy("empty", []));
    }

    /// <summary>docs/packages/Invoicing.Dunning.md: a custom policy beside the default one.</summary>
    [Fact]
    public void DunningGuide_CustomPolicy_StepsAsDocumented()
    {
        var strict = new DunningPolicy("strict",
            [
                new ReminderStep(0, ReminderLevel.Friendly, BuiltInTemplates.Friendly),
                new ReminderStep(10, ReminderLevel.Firm, BuiltInTemplates.Firm, fee: 15m, attachInvoicePdf: true),
            ],
            new RepeatingTail(firstOffsetDays: 20, intervalDays: 10, maxOffsetDays: 60, ReminderLevel.Firm, BuiltInTemplates.Firm),
            formalNoticeDay: 30);
        var services = new ServiceCollection();
        services.AddInvoicing().UseSqlite($"Data Source={Path.Combine(_folder, "policies.db")}")
            .AddDunning(o => o.Policies = new DunningPolicySet(DunningPolicy.Default(), [strict]));
        using var provider = services.BuildServiceProvider();

        var policies = provider.GetRequiredService<IOptions<DunningOptions>>().Value.Policies;

        Assert.Equal(["d+0", "d+10", "d+20", "d+30", "d+40", "d+50", "d+60"], policies.Resolve("strict").Steps.Select(s => s.Id));
        Assert.Equal(ReminderLevel.FormalNotice, policies.Resolve("strict").FindStep("d+40")!.Level);
        Assert.Equal("default", policies.Resolve(null).Id);
    }

    /// <summary>docs/packages/Invoicing.Mail.Smtp.md: options checked at start and by CreateSmtpSender.</summary>
    [Fact]
    public void SmtpGuide_Options_ValidatedAtStartAndWithoutDi()
    {
        var services = new ServiceCollection();
        services.AddInvoicing().UseInMemoryStore().AddDunning().UseSmtpMail(o =>
        {
            o.Host = "smtp.example.com";
            o.Port = 587;
            o.Security = SmtpSecurity.StartTls;
            o.UserName = "relances@example.com";
            o.Password = "app-password";
            o.From = "relances@example.com";
        });
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var exception = Assert.Throws<OptionsValidationException>(() => MailServiceCollectionExtensions.CreateSmtpSender(new SmtpMailOptions { Port = 0, From = "relances@example.com" }));

        Assert.NotNull(provider.GetRequiredService<IMailSender>());
        Assert.Contains("SmtpMailOptions.Port must be 1..65535.", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>docs/packages/Invoicing.Reporting.md: aging from a store, as CSV.</summary>
    [Fact]
    public async Task ReportingGuide_AgingFromAStore_WritesCsv()
    {
        var store = InvoiceStores.CreateInMemory();
        var invoicing = new InvoicingService(store, SystemClock.Instance);
        var issued = await invoicing.IssueAsync(Draft(invoicing.Today));

        var aging = await Receivables.AgingAsync(store.QueryAsync(InvoiceQuery.All), invoicing.Today.PlusDays(45));
        using var csv = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        ReportCsv.WriteAging(aging, csv);

        Assert.Equal(issued.Totals.AmountDue, aging.For("EUR")!.Total.Total);
        Assert.Contains("Boulangerie Dupont", csv.ToString(), StringComparison.Ordinal);
        Assert.Throws<InvoiceValidationException>(() => AgingBuckets.FromBoundaries(60, 30));
    }

    /// <summary>docs/packages/Invoicing.Reporting.md and Invoicing.Pdf.md, docs/statement.md: a statement from a store, as CSV and PDF.</summary>
    [Fact]
    public async Task ReportingGuide_StatementFromAStore_WritesCsvAndPdf()
    {
        var store = InvoiceStores.CreateInMemory();
        var invoicing = new InvoicingService(store, SystemClock.Instance);
        var issued = await invoicing.IssueAsync(Draft(invoicing.Today));
        await invoicing.RecordPaymentAsync(issued.Number, 100m, PaymentMethod.CreditTransfer, reference: "VIR-1234");
        var asOf = invoicing.Today;

        var statement = await Statements.BuildAsync(store, new StatementRequest("987654324", asOf) { From = asOf.PlusMonths(-3) });
        using var csv = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        ReportCsv.WriteStatement(statement, csv);
        using var pdf = new MemoryStream();
        StatementPdf.Render(statement, pdf, new PdfRenderOptions { Language = PdfLanguage.English });

        Assert.Equal(issued.Totals.AmountDue - 100m, statement.For("EUR")!.ClosingBalance);
        Assert.Contains("VIR-1234", csv.ToString(), StringComparison.Ordinal);
        Assert.True(pdf.Length > 0);
        Assert.Throws<InvoiceValidationException>(() => Statements.Build([], new StatementRequest("987654324", asOf)));
    }

    /// <summary>docs/packages/Invoicing.Roi.md: the two-figure form and a refused input.</summary>
    [Fact]
    public void RoiGuide_TwoFiguresAndBadInput_AsDocumented()
    {
        var result = RoiCalculator.Calculate(investment: 1_500m, annualBenefits: 4_500m);

        var exception = Assert.Throws<RoiInputException>(() => RoiCalculator.Calculate(new RoiInputs { ErrorRate = 1.5m }));

        Assert.Equal(2m, result.Roi);
        Assert.Equal(4m, result.PaybackMonths);
        Assert.Contains(exception.Issues, issue => issue.Field == "errorRate" && issue.Rule == "ROI-FRACTION");
    }

    /// <summary>The invoice of the guides: 3 hours at 85 EUR, 20 % VAT, between two French companies.</summary>
    /// <summary>docs/packages/Invoicing.Events.md and docs/events.md: wire a handler, issue, deliver, write off.</summary>
    [Fact]
    public async Task EventsGuide_HandlerGetsIssuedPaidAndWrittenOff()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(Tuesday));
        services.AddInvoicing()
            .UseSqlite($"Data Source={Path.Combine(_folder, "events.db")}")
            .AddInvoiceEvents(o =>
            {
                o.PollInterval = TimeSpan.FromSeconds(5);
                o.RunInBackground = false;
            })
            .AddInvoiceEventHandler<GuideHandler>();
        await using var provider = services.BuildServiceProvider();
        var invoicing = provider.GetRequiredService<InvoicingService>();
        var issued = await invoicing.IssueAsync(Draft(invoicing.Today));
        await invoicing.RecordPaymentAsync(issued.Number, 20m, PaymentMethod.CreditTransfer);
        await invoicing.WriteOffAsync(issued.Number, "Customer in liquidation");
        await provider.GetRequiredService<IInvoiceEventStore>().RecordSentAsync(issued.Number, provider.GetRequiredService<IClock>().GetCurrentInstant(), "email");

        var result = await provider.GetRequiredService<IInvoiceEventDispatcher>().DispatchOnceAsync();

        var handler = (GuideHandler)provider.GetServices<IInvoiceEventHandler>().Single();
        Assert.Equal(4, result.Delivered);
        Assert.Equal(["issued", "partly_paid", "written_off", "sent"], handler.Kinds);
    }

    /// <summary>docs/packages/Invoicing.Webhooks.md: an endpoint is a handler named webhook:NAME; a short secret fails at start.</summary>
    [Fact]
    public void WebhooksGuide_AddWebhook_RegistersTheEndpointAsAHandler()
    {
        var services = new ServiceCollection();
        services.AddInvoicing()
            .UseSqlite($"Data Source={Path.Combine(_folder, "hooks.db")}")
            .AddWebhook("erp", o =>
            {
                o.Url = new Uri("https://erp.example.com/hooks/invoicing");
                o.Secret = "whsec_0123456789abcdef0123456789abcdef";
                o.Kinds.Add(InvoiceEventKind.Paid);
            })
            .AddWebhook("short", o =>
            {
                o.Url = new Uri("https://erp.example.com/hooks/other");
                o.Secret = "too-short";
            });
        using var provider = services.BuildServiceProvider();

        Assert.Equal(["webhook:erp", "webhook:short"], provider.GetServices<IInvoiceEventHandler>().Select(h => h.Name));
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<WebhookEndpointOptions>>().Get("short"));
        Assert.Equal([InvoiceEventKind.Paid], provider.GetRequiredService<IOptionsMonitor<WebhookEndpointOptions>>().Get("erp").Kinds);
    }

    private sealed class GuideHandler : IInvoiceEventHandler
    {
        public List<string> Kinds { get; } = [];

        public string Name => "crm";

        public Task HandleAsync(InvoiceEvent invoiceEvent, CancellationToken cancellationToken)
        {
            Kinds.Add(InvoiceEventKinds.Name(invoiceEvent.Kind));
            return Task.CompletedTask;
        }
    }

    private static Invoice Draft(LocalDate today, int dueInDays = 30) => new()
    {
        IssueDate = today,
        DueDate = today.PlusDays(dueInDays),
        Currency = Currency.Eur,
        BusinessProcessType = FrenchBillingMode.S1,
        Seller = new Party { Name = "Atelier Lumière SAS", LegalId = Identifier.Siren("123456782"), VatId = "FR11123456782", Address = new PostalAddress { City = "Lyon", CountryCode = "FR" } },
        Buyer = new Party
        {
            Name = "Boulangerie Dupont",
            LegalId = Identifier.Siren("987654324"),
            VatId = "FR14987654324",
            Address = new PostalAddress { City = "Lyon", CountryCode = "FR" },
            Contact = new Contact { Email = "compta@dupont.example" },
        },
        Notes = [new("Pénalités de retard : taux BCE + 10 points.", InvoiceNote.LatePaymentPenalties), new("Indemnité forfaitaire de recouvrement : 40 EUR.", InvoiceNote.RecoveryIndemnity)],
        Lines = [new InvoiceLine { Id = "1", ItemName = "Étude d'éclairage", Quantity = 3, UnitCode = "HUR", NetPrice = 85m, VatCategory = VatCategory.S, VatRate = 20m }],
    };

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
