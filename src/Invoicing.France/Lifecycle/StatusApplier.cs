using System.Globalization;
using Invoicing.Core;
using NodaTime;

namespace Invoicing.France;

/// <summary>
/// Applies the lifecycle statuses a platform sends about the seller's invoices: each is recorded on its invoice as a
/// platform status event; 212 "cashed" records the payment; 207 disputed, 208 suspended and 210 refused pause the
/// invoice's reminders; 213 rejected and 501 inadmissible are reported with the platform's reason. A message received again (a platform
/// resends, the host restarts mid-way) changes nothing twice: the payment and the event have ids derived from it.
/// </summary>
public sealed class StatusApplier
{
    private readonly IInvoiceStore _invoices;
    private readonly IInvoiceEventStore _events;
    private readonly IDunningSettingsStore _dunning;

    /// <summary>Creates the applier over the host's stores.</summary>
    public StatusApplier(IInvoiceStore invoices, IInvoiceEventStore events, IDunningSettingsStore dunning)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(dunning);
        (_invoices, _events, _dunning) = (invoices, events, dunning);
    }

    /// <summary>Applies every status of a message, in order, and says what each did.</summary>
    public async Task<StatusApplication> ApplyAsync(CdarMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var applied = new List<AppliedStatus>(message.Reports.Count);
        for (var i = 0; i < message.Reports.Count; i++)
        {
            applied.Add(await ApplyAsync(message, i, cancellationToken).ConfigureAwait(false));
        }

        return new StatusApplication(applied);
    }

    private async Task<AppliedStatus> ApplyAsync(CdarMessage message, int index, CancellationToken cancellationToken)
    {
        var report = message.Reports[index];
        var path = string.Create(CultureInfo.InvariantCulture, $"reports[{index}]");
        if (await _invoices.GetAccountAsync(report.InvoiceNumber, cancellationToken).ConfigureAwait(false) is not { } account)
        {
            return new AppliedStatus(report.InvoiceNumber, report.Status, StatusEffect.NotApplied, false, ValidationIssue.Error("FR-STATUS-INVOICE-UNKNOWN", path + ".invoiceNumber", $"The status {LifecycleStatuses.Code(report.Status)} is about invoice '{report.InvoiceNumber}', which this store has not issued."));
        }

        // The change first, the event last: a crash between them leaves no event, so the repeat makes the change again,
        // and each change finds its own earlier trace (the payment id, the dispute flag) and is not made twice.
        var (effect, problem) = report.Status switch
        {
            LifecycleStatus.Cashed => await RecordPaymentAsync(message, index, account, path, cancellationToken).ConfigureAwait(false),
            LifecycleStatus.Disputed or LifecycleStatus.Suspended or LifecycleStatus.Refused => await PauseRemindersAsync(report, cancellationToken).ConfigureAwait(false),
            LifecycleStatus.Rejected or LifecycleStatus.Inadmissible => (StatusEffect.Rejected, ValidationIssue.Error("FR-STATUS-REJECTED", path, $"The platform {(report.Status == LifecycleStatus.Rejected ? "rejected" : "could not accept (inadmissible)")} invoice {report.InvoiceNumber}: {ReasonText(report) ?? "no reason given"}. Correct it with a credit note and a new invoice.")),
            _ => (StatusEffect.Recorded, (ValidationIssue?)null),
        };
        if (effect == StatusEffect.NotApplied)
        {
            return new AppliedStatus(report.InvoiceNumber, report.Status, effect, false, problem);
        }

        var notice = new PlatformStatusNotice
        {
            Id = StatusIds.Event(message, index),
            ReportedAt = message.IssuedAt,
            Code = LifecycleStatuses.Code(report.Status),
            Name = LifecycleStatuses.FrenchName(report.Status),
            MessageId = message.MessageId.Length <= InvoiceEvents.MaxTextLength ? message.MessageId : null,
            Reason = Truncate(ReasonText(report), InvoiceEvents.MaxReasonLength),
        };
        var recorded = await _events.RecordPlatformStatusAsync(report.InvoiceNumber, notice, cancellationToken).ConfigureAwait(false);
        return new AppliedStatus(report.InvoiceNumber, report.Status, effect, recorded is null, problem);
    }

    private async Task<(StatusEffect, ValidationIssue?)> RecordPaymentAsync(CdarMessage message, int index, InvoiceAccount account, string path, CancellationToken cancellationToken)
    {
        var report = message.Reports[index];
        var cashed = report.Amounts.Where(a => a.Type == StatusAmountTypes.Cashed).Sum(a => a.Amount);

        // A status that names no amount says the invoice is cashed: what remains of it.
        var amount = cashed > 0m ? cashed : account.Balance;
        var payment = new Payment(StatusIds.Payment(message, index), report.InvoiceNumber, message.IssuedAt.InUtc().Date, amount, PaymentMethod.Other, "CDAR " + Truncate(message.MessageId, 190));
        try
        {
            await _invoices.RecordPaymentAsync(payment, cancellationToken).ConfigureAwait(false);
        }
        catch (InvoiceValidationException exception) when (exception.Issues.Any(i => i.RuleId == "INV-PAYMENT-DUPLICATE"))
        {
            // Recorded by an earlier delivery of the same message.
        }
        catch (InvoiceValidationException exception)
        {
            var issue = exception.Issues[0];
            return (StatusEffect.NotApplied, ValidationIssue.Error("FR-STATUS-PAYMENT", path + ".amounts", $"The cashed status of invoice {report.InvoiceNumber} could not be recorded as a payment of {amount.ToString(CultureInfo.InvariantCulture)}: {issue.Message}"));
        }

        return (StatusEffect.PaymentRecorded, null);
    }

    private async Task<(StatusEffect, ValidationIssue?)> PauseRemindersAsync(InvoiceStatusReport report, CancellationToken cancellationToken)
    {
        var settings = await _dunning.GetInvoiceAsync(report.InvoiceNumber, cancellationToken).ConfigureAwait(false);
        if (settings is not { Disputed: true })
        {
            await _dunning.SaveInvoiceAsync((settings ?? new DunningInvoiceSettings { InvoiceNumber = report.InvoiceNumber }) with { Disputed = true }, cancellationToken).ConfigureAwait(false);
        }

        return (StatusEffect.RemindersPaused, null);
    }

    private static string? ReasonText(InvoiceStatusReport report) => report.Reasons.Count == 0
        ? null
        : string.Join("; ", report.Reasons.Select(r => r.Code is null ? r.Text : r.Text is null ? r.Code : $"{r.Code}: {r.Text}"));

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
