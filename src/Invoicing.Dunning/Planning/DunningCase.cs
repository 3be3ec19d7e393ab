using Invoicing.Core;

namespace Invoicing.Dunning;

/// <summary>What the planner knows of one invoice: its account, its journal entries and the dunning settings.</summary>
/// <param name="Account">The invoice with its payments and credits.</param>
/// <param name="Journal">The journal entries of the invoice (any state); empty when none.</param>
/// <param name="Customer">The customer's settings, or null for defaults.</param>
/// <param name="InvoiceSettings">The invoice's flags, or null for none.</param>
public sealed record DunningCase(
    InvoiceAccount Account,
    IReadOnlyList<ReminderEntry>? Journal = null,
    DunningCustomerSettings? Customer = null,
    DunningInvoiceSettings? InvoiceSettings = null);
