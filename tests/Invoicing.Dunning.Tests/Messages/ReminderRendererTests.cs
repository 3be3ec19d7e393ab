using Invoicing.Core;
using NodaTime;

namespace Invoicing.Dunning.Tests.Messages;

public sealed class ReminderRendererTests
{
    private static readonly LocalDate Due = new(2026, 1, 31);

    private static PlannedReminder Reminder(int offset, string? language, string buyer = "Boulangerie Dupont", int daysAfterStep = 0)
    {
        var policy = DunningPolicy.Default();
        var step = policy.Steps.Single(s => s.OffsetDays == offset);
        return new PlannedReminder
        {
            Key = new ReminderKey("F2026-00042", step.Id),
            Account = Fixtures.Account("F2026-00042", Due, buyer: buyer),
            Policy = policy,
            Step = step,
            ScheduledFor = Due.PlusDays(offset),
            PlannedFor = Due.PlusDays(offset + daysAfterStep),
            Customer = new DunningCustomerSettings { CustomerKey = "C-001", Language = language },
        };
    }

    [Fact]
    public void Render_FrenchFirmReminder_StatesAmountInterestIndemnityAndLinks()
    {
        var renderer = new ReminderRenderer(new ReminderRenderOptions { PaymentLinkFormat = "https://pay.example/{invoice}", PortalLinkFormat = "https://portal.example/{customer}" });

        var message = renderer.Render(Reminder(13, "fr"));

        Assert.Equal("fr", message.Language);
        Assert.Equal("Relance : facture F2026-00042 impayée depuis 13 jours (1\u00A0200,00\u00A0EUR)", message.Subject);
        Assert.Contains("31/01/2026", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("12,15\u00A0%", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("5,19\u00A0EUR", message.TextBody, StringComparison.Ordinal); // 1200 x 12.15 % x 13 / 365 = 5.193
        Assert.Contains("40,00\u00A0EUR", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://pay.example/F2026-00042", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://portal.example/C-001\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(5.19m, message.Costs.Interest);
    }

    [Fact]
    public void Render_EnglishBeforeDue_IsFriendlyWithoutCosts()
    {
        var message = new ReminderRenderer().Render(Reminder(-7, "en-GB"));

        Assert.Equal("en", message.Language);
        Assert.Equal("Invoice F2026-00042 is due on 31 January 2026", message.Subject);
        Assert.Contains("in 7 days", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("interest", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Pay online", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(0m, message.Costs.Total);
    }

    [Fact]
    public void Render_FormalNotice_ClaimsTheTotal()
    {
        var message = new ReminderRenderer().Render(Reminder(34, "en"));

        // 1200 + 1200 x 12.15 % x 34 / 365 (13.58) + 40
        Assert.Equal("Formal notice: invoice F2026-00042, EUR 1,253.58 due", message.Subject);
        Assert.Contains("FORMAL NOTICE", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileBuyerName_IsEscapedInHtmlAndKeptOnOneSubjectLine()
    {
        var templates = ReminderTemplates.BuiltIn.With("en", BuiltInTemplates.Firm, "Late: {{ customer_name }}", "{{ customer_name }}", "<p>{{ customer_name }}</p>");
        var message = new ReminderRenderer(new ReminderRenderOptions { Templates = templates }).Render(Reminder(3, "en", buyer: "<script>alert(1)</script>\r\nBcc: victim@example.com"));

        Assert.Contains("&lt;script&gt;", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message.Subject);
        Assert.DoesNotContain('\r', message.Subject);
    }

    [Fact]
    public void Render_UnknownLanguage_FallsBackToTheDefault()
    {
        var message = new ReminderRenderer().Render(Reminder(3, "de"));

        Assert.Equal("fr", message.Language);
        Assert.StartsWith("Relance", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void With_InvalidLiquid_ThrowsSyntaxRuleNamingThePart()
    {
        var exception = Assert.Throws<InvoiceValidationException>(() => ReminderTemplates.BuiltIn.With("en", "custom", "ok", "{% if %}", "<p/>"));

        Assert.Equal("DUN-TEMPLATE-SYNTAX", exception.Issues[0].RuleId);
        Assert.Equal("templates.en.custom.text", exception.Issues[0].Path);
    }

    [Fact]
    public void Render_MissingTemplate_ThrowsMissingRule()
    {
        var policy = new DunningPolicy("p", [new ReminderStep(1, ReminderLevel.Firm, "nope")]);
        var reminder = Reminder(3, "en") with { Policy = policy, Step = policy.Steps[0] };

        Assert.Equal("DUN-TEMPLATE-MISSING", Assert.Throws<InvoiceValidationException>(() => new ReminderRenderer().Render(reminder)).Issues[0].RuleId);
    }

    [Fact]
    public void Render_WithGivenLinks_UsesThemInsteadOfTheFormats_EscapedInHtml()
    {
        var renderer = new ReminderRenderer(new ReminderRenderOptions { PaymentLinkFormat = "https://pay.example/{invoice}", PortalLinkFormat = "https://portal.example/{customer}" });

        var message = renderer.Render(Reminder(13, "en"), new MailLinks("https://billing.example/portal/redeem?t=a\"b&c", "https://checkout.example/s/42"));

        Assert.Contains("Your invoices: https://billing.example/portal/redeem?t=a\"b&c", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Pay online: https://checkout.example/s/42", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://billing.example/portal/redeem?t=a&quot;b&amp;c\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("pay.example", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("portal.example", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithNoLinks_LeavesTheLinkLinesOut()
    {
        var message = new ReminderRenderer().Render(Reminder(13, "fr"), MailLinks.None);

        Assert.DoesNotContain("Payer en ligne", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Vos factures", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", message.HtmlBody, StringComparison.Ordinal);
    }
}
