namespace Invoicing.Payments.Stripe.Fake;

/// <summary>A Checkout Session the fake made, as Stripe would hold it, with the form fields it was created from.</summary>
public sealed class FakeCheckoutSession
{
    internal FakeCheckoutSession(string id, Uri url, IReadOnlyDictionary<string, string> form, DateTimeOffset created)
    {
        Id = id;
        Url = url;
        Form = form;
        Created = created;
    }

    /// <summary>The session id (<c>cs_test_...</c>).</summary>
    public string Id { get; }

    /// <summary>The hosted checkout page of the session.</summary>
    public Uri Url { get; }

    /// <summary>Every form field of the create request, by its name (<c>line_items[0][price_data][unit_amount]</c>).</summary>
    public IReadOnlyDictionary<string, string> Form { get; }

    /// <summary>When the session was made.</summary>
    public DateTimeOffset Created { get; }

    /// <summary><c>client_reference_id</c>: the invoice number.</summary>
    public string? ClientReferenceId => Field("client_reference_id");

    /// <summary>The amount of the one line, in minor units.</summary>
    public long AmountTotal => long.Parse(Form["line_items[0][price_data][unit_amount]"], System.Globalization.CultureInfo.InvariantCulture)
        * long.Parse(Field("line_items[0][quantity]") ?? "1", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The currency, lower case.</summary>
    public string Currency => Form["line_items[0][price_data][currency]"];

    /// <summary>The name of the one line.</summary>
    public string? LineItemName => Field("line_items[0][price_data][product_data][name]");

    /// <summary>Where the browser goes after paying.</summary>
    public string SuccessUrl => Form["success_url"];

    /// <summary>Where the browser goes when the customer cancels.</summary>
    public string? CancelUrl => Field("cancel_url");

    /// <summary>When the session expires (unix seconds).</summary>
    public long ExpiresAt => Field("expires_at") is { } value ? long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : Created.AddHours(24).ToUnixTimeSeconds();

    /// <summary>The session's metadata (<c>metadata[key]</c> fields).</summary>
    public IReadOnlyDictionary<string, string> Metadata => Prefixed("metadata[");

    /// <summary>The metadata given to the PaymentIntent (<c>payment_intent_data[metadata][key]</c> fields).</summary>
    public IReadOnlyDictionary<string, string> PaymentIntentMetadata => Prefixed("payment_intent_data[metadata][");

    /// <summary><c>open</c>, <c>complete</c> or <c>expired</c>.</summary>
    public string Status { get; internal set; } = "open";

    /// <summary><c>unpaid</c> or <c>paid</c>.</summary>
    public string PaymentStatus { get; internal set; } = "unpaid";

    /// <summary>The PaymentIntent, once the customer has paid.</summary>
    public string? PaymentIntentId { get; internal set; }

    private string? Field(string name) => Form.TryGetValue(name, out var value) ? value : null;

    private Dictionary<string, string> Prefixed(string prefix) => Form
        .Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal) && f.Key.EndsWith(']') && f.Key.IndexOf('[', prefix.Length) < 0)
        .ToDictionary(f => f.Key[prefix.Length..^1], f => f.Value, StringComparer.Ordinal);
}
