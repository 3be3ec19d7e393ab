using System.Net;
using Invoicing.Core;
using Invoicing.Dunning;

namespace Invoicing.Portal.Tests.Endpoints;

public sealed class DisputeTests
{
    [Fact]
    public async Task Dispute_OverdueInvoice_PausesTheDunningPlanAndRecordsTheDisputedEvent()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA, dueInDays: -3);
        var planner = new DunningPlanner();
        Assert.Equal(PlanOutcome.Due, planner.Decide(await CaseAsync(host, invoice.Number), host.Today).Outcome);
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "en");
        var page = await browser.PageAsync("/portal/invoices/" + invoice.Number);

        using var response = await browser.PostAsync("/portal/invoices/" + invoice.Number + "/dispute", PortalHost.Form(PortalHost.FormToken(page), ("reason", "The lamp arrived broken.")));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/portal/invoices/" + invoice.Number, response.Headers.Location!.OriginalString);
        Assert.True((await host.Dunning.GetInvoiceAsync(invoice.Number))!.Disputed);
        Assert.Empty(planner.Plan([await CaseAsync(host, invoice.Number)], host.Today));
        Assert.Equal(PlanOutcome.Disputed, planner.Decide(await CaseAsync(host, invoice.Number), host.Today).Outcome);
        Assert.Single(await host.AllEventsAsync(), e => e.Kind == InvoiceEventKind.Disputed && e.InvoiceNumber == invoice.Number);
        var after = await browser.PageAsync("/portal/invoices/" + invoice.Number);
        Assert.Contains("status-disputed\">Disputed<", after);
        Assert.Contains("we have paused the reminders", after);
        Assert.DoesNotContain("/dispute\"", after);
    }

    [Fact]
    public async Task Dispute_Twice_RecordsOneEvent()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA, dueInDays: -3);
        var browser = await host.SignedInAsync(PortalHost.CustomerA);
        var token = PortalHost.FormToken(await browser.PageAsync("/portal/invoices/" + invoice.Number));

        Assert.Equal(HttpStatusCode.SeeOther, (await browser.PostAsync("/portal/invoices/" + invoice.Number + "/dispute", PortalHost.Form(token))).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await browser.PostAsync("/portal/invoices/" + invoice.Number + "/dispute", PortalHost.Form(token))).StatusCode);

        Assert.Single(await host.AllEventsAsync(), e => e.Kind == InvoiceEventKind.Disputed);
    }

    [Fact]
    public async Task Dispute_KeepsAPauseAlreadyAgreed()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA, dueInDays: -3);
        var pause = host.Today.PlusDays(20);
        await host.Dunning.SaveInvoiceAsync(new DunningInvoiceSettings { InvoiceNumber = invoice.Number, PausedUntil = pause });
        var browser = await host.SignedInAsync(PortalHost.CustomerA);
        var token = PortalHost.FormToken(await browser.PageAsync("/portal/invoices/" + invoice.Number));

        await browser.PostAsync("/portal/invoices/" + invoice.Number + "/dispute", PortalHost.Form(token));

        var settings = (await host.Dunning.GetInvoiceAsync(invoice.Number))!;
        Assert.True(settings.Disputed);
        Assert.Equal(pause, settings.PausedUntil);
    }

    [Fact]
    public async Task Dispute_ReasonTooLong_Is400AndChangesNothing()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA, dueInDays: -3);
        var browser = await host.SignedInAsync(PortalHost.CustomerA, "en");
        var token = PortalHost.FormToken(await browser.PageAsync("/portal/invoices/" + invoice.Number));

        using var response = await browser.PostAsync("/portal/invoices/" + invoice.Number + "/dispute", PortalHost.Form(token, ("reason", new string('x', 2001))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The reason is too long: at most 2000 characters.", await response.PageAsync());
        Assert.Null(await host.Dunning.GetInvoiceAsync(invoice.Number));
    }

    [Fact]
    public async Task Dispute_PaidInvoice_Is409AndChangesNothing()
    {
        await using var host = await PortalHost.StartAsync();
        var invoice = await host.IssueAsync(PortalHost.CustomerA);
        await host.PayAsync(invoice.Number, 120m);
        var browser = await host.SignedInAsync(PortalHost.CustomerA);
        var page = await browser.PageAsync("/portal/invoices/" + invoice.Number);
        Assert.DoesNotContain("/dispute\"", page);

        using var response = await browser.PostAsync("/portal/invoices/" + invoice.Number + "/dispute", PortalHost.Form(PortalHost.FormToken(page)));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Null(await host.Dunning.GetInvoiceAsync(invoice.Number));
    }

    private static async Task<DunningCase> CaseAsync(PortalHost host, string number) =>
        new((await host.Store.GetAccountAsync(number))!, null, null, await host.Dunning.GetInvoiceAsync(number));
}
