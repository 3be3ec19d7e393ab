using Invoicing.Core;
using NodaTime;

namespace Invoicing.Storage.Tests.Conformance;

/// <summary>
/// The behaviour every <see cref="IDunningSettingsStore"/> must show: saving replaces, reading gives back exactly what
/// was saved (or null when nothing was), keys are compared exactly, and a blank or over-long key is refused naming the
/// rule and the field, changing nothing. A store's test class derives from this one and says how to create a fresh,
/// empty settings store.
/// </summary>
public abstract class DunningSettingsConformanceTests : IAsyncLifetime
{
    private IDunningSettingsStore _settings = null!;

    /// <summary>Creates a fresh, empty settings store.</summary>
    protected abstract Task<IDunningSettingsStore> CreateSettingsStoreAsync();

    public async Task InitializeAsync() => _settings = await CreateSettingsStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static DunningCustomerSettings Customer(string key = "987654324") => new()
    {
        CustomerKey = key,
        OptedOut = false,
        Language = "fr",
        TimeZoneId = "Europe/Paris",
        PolicyId = "b2b-standard",
        Email = "compta@boulangerie-dupont.example",
    };

    private static DunningInvoiceSettings Invoice(string number = "F2026-00001") => new()
    {
        InvoiceNumber = number,
        Disputed = true,
        PausedUntil = new LocalDate(2027, 1, 15),
    };

    [Fact]
    public async Task GetCustomerAsync_NothingSaved_Null()
    {
        Assert.Null(await _settings.GetCustomerAsync("987654324"));
        Assert.Null(await _settings.GetInvoiceAsync("F2026-00001"));
    }

    [Fact]
    public async Task SaveCustomerAsync_EveryField_ReadBackEqual()
    {
        await _settings.SaveCustomerAsync(Customer());

        Assert.Equal(Customer(), await _settings.GetCustomerAsync("987654324"));
    }

    [Fact]
    public async Task SaveCustomerAsync_OnlyTheKey_ReadBackWithDefaults()
    {
        await _settings.SaveCustomerAsync(new DunningCustomerSettings { CustomerKey = "123" });

        Assert.Equal(new DunningCustomerSettings { CustomerKey = "123" }, await _settings.GetCustomerAsync("123"));
    }

    [Fact]
    public async Task SaveCustomerAsync_SavedAgain_ReplacedWholeNotMerged()
    {
        await _settings.SaveCustomerAsync(Customer());
        var replacement = new DunningCustomerSettings { CustomerKey = "987654324", OptedOut = true, Language = "en" };

        await _settings.SaveCustomerAsync(replacement);

        Assert.Equal(replacement, await _settings.GetCustomerAsync("987654324"));
    }

    [Fact]
    public async Task SaveCustomerAsync_OptOutThenOptIn_LastSaveWins()
    {
        await _settings.SaveCustomerAsync(Customer() with { OptedOut = true });
        await _settings.SaveCustomerAsync(Customer() with { OptedOut = false });

        Assert.False((await _settings.GetCustomerAsync("987654324"))!.OptedOut);
    }

    [Fact]
    public async Task GetCustomerAsync_KeysDifferingInCaseOrSpace_KeptApart()
    {
        await _settings.SaveCustomerAsync(Customer("abc") with { Language = "fr" });
        await _settings.SaveCustomerAsync(Customer("ABC") with { Language = "en" });

        Assert.Equal("fr", (await _settings.GetCustomerAsync("abc"))!.Language);
        Assert.Equal("en", (await _settings.GetCustomerAsync("ABC"))!.Language);
        Assert.Null(await _settings.GetCustomerAsync("abc "));
        Assert.Null(await _settings.GetCustomerAsync("Abc"));
    }

    [Fact]
    public async Task SaveCustomerAsync_HostileAndUnicodeText_StoredVerbatim()
    {
        var hostile = new DunningCustomerSettings
        {
            CustomerKey = "'; DROP TABLE dunning_customers; --",
            Language = "fr-CA\u200B",
            TimeZoneId = "Amérique/Zoé ✓",
            PolicyId = "\" OR 1=1 --",
            Email = "é@ü.example",
        };

        await _settings.SaveCustomerAsync(hostile);

        Assert.Equal(hostile, await _settings.GetCustomerAsync(hostile.CustomerKey));
        Assert.Null(await _settings.GetCustomerAsync("' OR '1'='1"));
    }

    [Fact]
    public async Task GetCustomerAsync_NullKey_Null()
    {
        await _settings.SaveCustomerAsync(Customer());

        Assert.Null(await _settings.GetCustomerAsync(null!));
        Assert.Null(await _settings.GetInvoiceAsync(null!));
    }

    [Fact]
    public async Task SaveCustomerAsync_KeyOfMaximumLength_Accepted()
    {
        var key = new string('k', ReminderKey.MaxLength);

        await _settings.SaveCustomerAsync(Customer(key));
        await _settings.SaveInvoiceAsync(Invoice(key));

        Assert.Equal(Customer(key), await _settings.GetCustomerAsync(key));
        Assert.Equal(Invoice(key), await _settings.GetInvoiceAsync(key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData(null)]
    public async Task SaveCustomerAsync_BlankKey_RefusedNamingRuleAndFieldNothingStored(string? blank)
    {
        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => _settings.SaveCustomerAsync(new DunningCustomerSettings { CustomerKey = blank! }));

        var issue = Assert.Single(error.Issues);
        Assert.Equal("DUN-SETTINGS-CUSTOMER", issue.RuleId);
        Assert.Equal("customerKey", issue.Path);
        if (blank is not null)
        {
            Assert.Null(await _settings.GetCustomerAsync(blank));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task SaveInvoiceAsync_BlankNumber_RefusedNamingRuleAndFieldNothingStored(string? blank)
    {
        var error = await Assert.ThrowsAsync<InvoiceValidationException>(() => _settings.SaveInvoiceAsync(new DunningInvoiceSettings { InvoiceNumber = blank!, Disputed = true }));

        var issue = Assert.Single(error.Issues);
        Assert.Equal("DUN-SETTINGS-INVOICE", issue.RuleId);
        Assert.Equal("invoiceNumber", issue.Path);
        if (blank is not null)
        {
            Assert.Null(await _settings.GetInvoiceAsync(blank));
        }
    }

    [Fact]
    public async Task SaveCustomerAsync_KeyTooLong_RefusedAndEarlierSettingsKept()
    {
        var key = new string('k', ReminderKey.MaxLength + 1);
        await _settings.SaveCustomerAsync(Customer());

        var customer = await Assert.ThrowsAsync<InvoiceValidationException>(() => _settings.SaveCustomerAsync(Customer(key)));
        var invoice = await Assert.ThrowsAsync<InvoiceValidationException>(() => _settings.SaveInvoiceAsync(Invoice(key)));

        Assert.Equal(("DUN-SETTINGS-CUSTOMER", "customerKey"), (Assert.Single(customer.Issues).RuleId, customer.Issues[0].Path));
        Assert.Equal(("DUN-SETTINGS-INVOICE", "invoiceNumber"), (Assert.Single(invoice.Issues).RuleId, invoice.Issues[0].Path));
        Assert.Contains(ReminderKey.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), customer.Issues[0].Message, StringComparison.Ordinal);
        Assert.Null(await _settings.GetCustomerAsync(key));
        Assert.Equal(Customer(), await _settings.GetCustomerAsync("987654324"));
    }

    [Fact]
    public async Task SaveAsync_NullSettings_ArgumentNullException()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => _settings.SaveCustomerAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _settings.SaveInvoiceAsync(null!));
    }

    [Fact]
    public async Task SaveInvoiceAsync_DisputedAndPaused_ReadBackEqual()
    {
        await _settings.SaveInvoiceAsync(Invoice());

        Assert.Equal(Invoice(), await _settings.GetInvoiceAsync("F2026-00001"));
    }

    [Fact]
    public async Task SaveInvoiceAsync_PauseLifted_PausedUntilNullAgain()
    {
        await _settings.SaveInvoiceAsync(Invoice());

        await _settings.SaveInvoiceAsync(Invoice() with { Disputed = false, PausedUntil = null });

        Assert.Equal(new DunningInvoiceSettings { InvoiceNumber = "F2026-00001" }, await _settings.GetInvoiceAsync("F2026-00001"));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2028, 2, 29)]
    [InlineData(9999, 12, 31)]
    public async Task SaveInvoiceAsync_BoundaryPauseDates_ReadBackExactly(int year, int month, int day)
    {
        var settings = Invoice() with { PausedUntil = new LocalDate(year, month, day) };

        await _settings.SaveInvoiceAsync(settings);

        Assert.Equal(settings, await _settings.GetInvoiceAsync("F2026-00001"));
    }

    [Fact]
    public async Task SaveAsync_SameKeyForACustomerAndAnInvoice_KeptApart()
    {
        await _settings.SaveCustomerAsync(Customer("X-1") with { OptedOut = true });
        await _settings.SaveInvoiceAsync(Invoice("X-1") with { Disputed = false, PausedUntil = null });

        Assert.True((await _settings.GetCustomerAsync("X-1"))!.OptedOut);
        Assert.False((await _settings.GetInvoiceAsync("X-1"))!.Disputed);
        Assert.Null(await _settings.GetInvoiceAsync("987654324"));
    }

    [Fact]
    public async Task SaveAsync_ManyConcurrentSavers_EachKeyHoldsItsLastSave()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                var key = $"C{worker}-{i}";
                await _settings.SaveCustomerAsync(Customer(key) with { OptedOut = true });
                await _settings.SaveCustomerAsync(Customer(key) with { PolicyId = $"p{i}" });
                await _settings.SaveInvoiceAsync(Invoice($"F{worker}-{i}") with { PausedUntil = new LocalDate(2027, 1, 1).PlusDays(i) });
            }
        })));

        for (var worker = 0; worker < 8; worker++)
        {
            for (var i = 0; i < 25; i++)
            {
                Assert.Equal(Customer($"C{worker}-{i}") with { PolicyId = $"p{i}" }, await _settings.GetCustomerAsync($"C{worker}-{i}"));
                Assert.Equal(new LocalDate(2027, 1, 1).PlusDays(i), (await _settings.GetInvoiceAsync($"F{worker}-{i}"))!.PausedUntil);
            }
        }
    }
}
