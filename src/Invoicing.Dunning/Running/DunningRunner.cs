using Invoicing.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Invoicing.Dunning;

/// <summary>
/// The outbox runner: claim (journal entry written before the send, with a lease) -> render -> send -> mark sent.
/// The journal's atomic claim makes each (invoice, step) owned by one worker at a time; the Message-ID derived from
/// (invoice, step) makes a resend after a crash recognisable; a sender that can check delivery avoids the resend.
/// </summary>
internal sealed partial class DunningRunner : IDunningRunner
{
    private readonly IReminderJournal _journal;
    private readonly IDunningSettingsStore _settings;
    private readonly IOpenInvoiceSource _source;
    private readonly IMailSender _sender;
    private readonly IInvoiceAttachmentProvider? _attachments;
    private readonly IClock _clock;
    private readonly DunningOptions _options;
    private readonly DunningPlanner _planner;
    private readonly ReminderRenderer _renderer;
    private readonly MailLinkResolver _links;
    private readonly ILogger _logger;

    public DunningRunner(
        IReminderJournal journal,
        IDunningSettingsStore settings,
        IOpenInvoiceSource source,
        IMailSender sender,
        IClock clock,
        IOptions<DunningOptions> options,
        IEnumerable<IMailLinkSource>? linkSources = null,
        IInvoiceAttachmentProvider? attachments = null,
        ILogger<DunningRunner>? logger = null)
    {
        _journal = journal;
        _settings = settings;
        _source = source;
        _sender = sender;
        _clock = clock;
        _options = options.Value;
        _attachments = attachments;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _planner = new DunningPlanner(new DunningPlannerOptions
        {
            Policies = _options.Policies,
            Calendar = _options.Calendar,
            DefaultTimeZone = DateTimeZoneProviders.Tzdb[_options.DefaultTimeZone],
        });
        _renderer = new ReminderRenderer(_options.Rendering);
        _links = new MailLinkResolver(linkSources ?? [], _options.Rendering, _logger);
    }

    public async Task<DunningRunResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var tally = new Tally();
        await ResumeUnfinishedAsync(tally, cancellationToken).ConfigureAwait(false);
        await foreach (var account in _source.ListOpenAsync(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var customer = await _settings.GetCustomerAsync(account.Invoice.Document.CustomerKey, cancellationToken).ConfigureAwait(false);
            var flags = await _settings.GetInvoiceAsync(account.Number, cancellationToken).ConfigureAwait(false);
            var journal = await _journal.ListByInvoiceAsync(account.Number, cancellationToken).ConfigureAwait(false);
            var now = _clock.GetCurrentInstant();
            if (_planner.Decide(new DunningCase(account, journal, customer, flags), now).Reminder is not { } reminder)
            {
                continue;
            }

            tally.Planned++;
            var request = new ReminderClaimRequest(reminder.Key, _options.WorkerId, MessageIds.For(reminder.Key, _options.MessageIdDomain), reminder.PlannedFor, now, now + _options.LeaseDuration);
            var claim = await _journal.TryClaimAsync(request, cancellationToken).ConfigureAwait(false);
            if (!claim.IsOwned)
            {
                tally.ClaimedElsewhere++;
                continue;
            }

            await DeliverAsync(reminder, claim.Entry, tally, cancellationToken).ConfigureAwait(false);
        }

        return tally.ToResult();
    }

    private async Task ResumeUnfinishedAsync(Tally tally, CancellationToken cancellationToken)
    {
        await foreach (var entry in _journal.ListUnfinishedAsync(_clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false))
        {
            var now = _clock.GetCurrentInstant();
            var claim = await _journal.TryClaimAsync(new ReminderClaimRequest(entry.Key, _options.WorkerId, entry.MessageId, entry.PlannedFor, now, now + _options.LeaseDuration), cancellationToken).ConfigureAwait(false);
            if (!claim.IsOwned)
            {
                continue;
            }

            tally.Resumed++;
            var account = await _source.GetAsync(entry.Key.InvoiceNumber, cancellationToken).ConfigureAwait(false);
            if (claim.Outcome == ReminderClaimOutcome.TakenOver && _sender is IMailDeliveryCheck check
                && await check.WasDeliveredAsync(claim.Entry.MessageId, cancellationToken).ConfigureAwait(false))
            {
                await _journal.MarkSentAsync(entry.Key, _options.WorkerId, _clock.GetCurrentInstant(), CancellationToken.None).ConfigureAwait(false);
                tally.ConfirmedWithoutResend++;
                continue;
            }

            if (account is null || !account.IsOpen)
            {
                await FailAsync(entry.Key, permanent: true, "The invoice was settled or removed before the reminder went out.", claim.Entry.Attempts, tally).ConfigureAwait(false);
                continue;
            }

            var customer = await _settings.GetCustomerAsync(account.Invoice.Document.CustomerKey, cancellationToken).ConfigureAwait(false);
            var policy = _options.Policies.Resolve(customer?.PolicyId);
            if (policy.FindStep(entry.Key.StepId) is not { } step)
            {
                await FailAsync(entry.Key, permanent: true, $"Step '{entry.Key.StepId}' is no longer in policy '{policy.Id}'.", claim.Entry.Attempts, tally).ConfigureAwait(false);
                continue;
            }

            var reminder = new PlannedReminder
            {
                Key = entry.Key,
                Account = account,
                Policy = policy,
                Step = step,
                ScheduledFor = account.DueDate.PlusDays(step.OffsetDays),
                PlannedFor = entry.PlannedFor,
                Customer = customer,
            };
            await DeliverAsync(reminder, claim.Entry, tally, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(PlannedReminder reminder, ReminderEntry entry, Tally tally, CancellationToken cancellationToken)
    {
        var recipient = MailRecipients.For(reminder.Customer, reminder.Account);
        if (recipient is null)
        {
            await FailAsync(entry.Key, permanent: true, "No e-mail address for the customer (settings or buyer contact, BT-58).", entry.Attempts, tally).ConfigureAwait(false);
            return;
        }

        var language = ReminderTemplates.Normalize(reminder.Customer?.Language ?? _options.Rendering.DefaultLanguage);
        var links = await _links.ResolveAsync(reminder.Account, language, cancellationToken).ConfigureAwait(false);
        ReminderMessage message;
        try
        {
            message = _renderer.Render(reminder, links);
        }
        catch (InvoiceValidationException exception)
        {
            await FailAsync(entry.Key, permanent: true, exception.Message, entry.Attempts, tally).ConfigureAwait(false);
            return;
        }

        var attachments = new List<MailAttachment>(1);
        if (reminder.Step.AttachInvoicePdf && _attachments is not null
            && await _attachments.GetInvoicePdfAsync(reminder.Account, cancellationToken).ConfigureAwait(false) is { } pdf)
        {
            attachments.Add(pdf);
        }

        var mail = new OutgoingMail
        {
            MessageId = entry.MessageId,
            From = _options.From,
            To = recipient,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            Attachments = attachments,
        };

        var result = await _sender.SendAsync(mail, cancellationToken).ConfigureAwait(false);

        // Once the transport has answered, the answer is journaled even if the run is being cancelled:
        // cancelling must not turn a delivered mail into an unconfirmed one.
        switch (result.Status)
        {
            case MailSendStatus.Sent:
                if (await _journal.MarkSentAsync(entry.Key, _options.WorkerId, _clock.GetCurrentInstant(), CancellationToken.None).ConfigureAwait(false))
                {
                    tally.Sent++;
                }
                else
                {
                    LogLeaseLost(_logger, entry.Key.ToString());
                }

                break;
            case MailSendStatus.TransientFailure:
                await FailAsync(entry.Key, entry.Attempts >= _options.MaxAttempts, result.Error ?? "transient failure", entry.Attempts, tally).ConfigureAwait(false);
                break;
            default:
                await FailAsync(entry.Key, permanent: true, result.Error ?? "permanent failure", entry.Attempts, tally).ConfigureAwait(false);
                break;
        }
    }

    private async Task FailAsync(ReminderKey key, bool permanent, string reason, int attempts, Tally tally)
    {
        var now = _clock.GetCurrentInstant();
        var backoff = _options.RetryBackoff * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        await _journal.MarkFailedAsync(key, _options.WorkerId, new ReminderFailure(permanent, reason, now, permanent ? null : now + backoff), CancellationToken.None).ConfigureAwait(false);
        if (permanent)
        {
            tally.PermanentFailures++;
        }
        else
        {
            tally.TransientFailures++;
        }

        LogFailed(_logger, key.ToString(), permanent, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Key} was sent but its claim had passed to another worker; the other worker resends it with the same Message-ID.")]
    private static partial void LogLeaseLost(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Key} failed (permanent: {Permanent}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string key, bool permanent, string reason);

    private sealed class Tally
    {
        public int Planned { get; set; }

        public int Sent { get; set; }

        public int ClaimedElsewhere { get; set; }

        public int Resumed { get; set; }

        public int ConfirmedWithoutResend { get; set; }

        public int TransientFailures { get; set; }

        public int PermanentFailures { get; set; }

        public DunningRunResult ToResult() => new()
        {
            Planned = Planned,
            Sent = Sent,
            ClaimedElsewhere = ClaimedElsewhere,
            Resumed = Resumed,
            ConfirmedWithoutResend = ConfirmedWithoutResend,
            TransientFailures = TransientFailures,
            PermanentFailures = PermanentFailures,
        };
    }
}
