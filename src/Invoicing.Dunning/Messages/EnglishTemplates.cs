namespace Invoicing.Dunning;

/// <summary>The built-in English templates.</summary>
internal static class EnglishTemplates
{
    private const string Costs = """
        {% if has_late_costs %}
        Under French law (Code de commerce L441-10), late payment adds interest at {{ annual_rate }} a year ({{ interest }} so far, {{ days_late }} days) and a fixed recovery indemnity of {{ indemnity }}.
        {% endif %}{% if has_fee %}Reminder fee: {{ fee }}.
        {% endif %}
        """;

    private const string CostsHtml = """
        {% if has_late_costs %}<p>Under French law (Code de commerce L441-10), late payment adds interest at {{ annual_rate }} a year (<strong>{{ interest }}</strong> so far, {{ days_late }} days) and a fixed recovery indemnity of <strong>{{ indemnity }}</strong>.</p>{% endif %}
        {% if has_fee %}<p>Reminder fee: {{ fee }}.</p>{% endif %}
        """;

    private const string Links = """
        {% if payment_link != blank %}Pay online: {{ payment_link }}
        {% endif %}{% if portal_link != blank %}Your invoices: {{ portal_link }}
        {% endif %}
        """;

    private const string LinksHtml = """
        {% if payment_link != blank %}<p><a href="{{ payment_link }}">Pay online</a></p>{% endif %}
        {% if portal_link != blank %}<p><a href="{{ portal_link }}">See your invoices</a></p>{% endif %}
        """;

    public const string FriendlySubject = "{% if days_late > 0 %}Reminder: invoice {{ invoice_number }} is overdue{% else %}Invoice {{ invoice_number }} is due on {{ due_date }}{% endif %}";

    public const string FriendlyText = """
        Hello {{ customer_name }},

        {% if days_late > 0 %}Our invoice {{ invoice_number }} was due on {{ due_date }} and {{ amount_due }} is still open.{% elsif days_before_due > 0 %}A friendly reminder: our invoice {{ invoice_number }} of {{ amount_due }} is due on {{ due_date }}, in {{ days_before_due }} days.{% else %}Our invoice {{ invoice_number }} of {{ amount_due }} is due today, {{ due_date }}.{% endif %}
        If you have already paid, please ignore this message.

        """ + Links + """

        Kind regards,
        {{ seller_name }}
        """;

    public const string FriendlyHtml = """
        <html><body>
        <p>Hello {{ customer_name }},</p>
        <p>{% if days_late > 0 %}Our invoice <strong>{{ invoice_number }}</strong> was due on {{ due_date }} and <strong>{{ amount_due }}</strong> is still open.{% elsif days_before_due > 0 %}A friendly reminder: our invoice <strong>{{ invoice_number }}</strong> of <strong>{{ amount_due }}</strong> is due on {{ due_date }}, in {{ days_before_due }} days.{% else %}Our invoice <strong>{{ invoice_number }}</strong> of <strong>{{ amount_due }}</strong> is due today, {{ due_date }}.{% endif %}</p>
        <p>If you have already paid, please ignore this message.</p>
        """ + LinksHtml + """
        <p>Kind regards,<br>{{ seller_name }}</p>
        </body></html>
        """;

    public const string FirmSubject = "Overdue: invoice {{ invoice_number }}, {{ amount_due }} unpaid for {{ days_late }} days";

    public const string FirmText = """
        Hello {{ customer_name }},

        Our invoice {{ invoice_number }}, due on {{ due_date }}, is {{ days_late }} days overdue. {{ amount_due }} remains unpaid.
        Please settle it without delay.
        """ + Costs + Links + """

        Regards,
        {{ seller_name }}
        """;

    public const string FirmHtml = """
        <html><body>
        <p>Hello {{ customer_name }},</p>
        <p>Our invoice <strong>{{ invoice_number }}</strong>, due on {{ due_date }}, is {{ days_late }} days overdue. <strong>{{ amount_due }}</strong> remains unpaid.</p>
        <p>Please settle it without delay.</p>
        """ + CostsHtml + LinksHtml + """
        <p>Regards,<br>{{ seller_name }}</p>
        </body></html>
        """;

    public const string FormalSubject = "Formal notice: invoice {{ invoice_number }}, {{ total_claimed }} due";

    public const string FormalText = """
        {{ customer_name }},

        FORMAL NOTICE. Despite our reminders, invoice {{ invoice_number }}, due on {{ due_date }}, remains unpaid after {{ days_late }} days.
        We formally demand payment of {{ amount_due }}, plus late-payment interest of {{ interest }} and the recovery indemnity of {{ indemnity }}: {{ total_claimed }} in all.
        {% if has_fee %}Fee for this notice: {{ fee }}.
        {% endif %}Without payment within 8 days, we will start recovery proceedings without further notice.

        """ + Links + """

        {{ seller_name }}
        """;

    public const string FormalHtml = """
        <html><body>
        <p>{{ customer_name }},</p>
        <p><strong>FORMAL NOTICE.</strong> Despite our reminders, invoice <strong>{{ invoice_number }}</strong>, due on {{ due_date }}, remains unpaid after {{ days_late }} days.</p>
        <p>We formally demand payment of <strong>{{ amount_due }}</strong>, plus late-payment interest of {{ interest }} and the recovery indemnity of {{ indemnity }}: <strong>{{ total_claimed }}</strong> in all.</p>
        {% if has_fee %}<p>Fee for this notice: {{ fee }}.</p>{% endif %}
        <p>Without payment within 8 days, we will start recovery proceedings without further notice.</p>
        """ + LinksHtml + """
        <p>{{ seller_name }}</p>
        </body></html>
        """;

    public const string InvoiceSubject = "{% if is_credit_note %}Credit note{% else %}Invoice{% endif %} {{ invoice_number }} from {{ seller_name }}";

    public const string InvoiceText = """
        Hello {{ customer_name }},

        {% if is_credit_note %}Please find attached our credit note {{ invoice_number }} of {{ issue_date }}.{% else %}Please find attached our invoice {{ invoice_number }} of {{ issue_date }}: {{ amount_due }}, due on {{ due_date }}.{% endif %}
        The PDF carries the invoice data (Factur-X) for your accounting software.

        """ + Links + """

        Kind regards,
        {{ seller_name }}
        """;

    public const string InvoiceHtml = """
        <html><body>
        <p>Hello {{ customer_name }},</p>
        <p>{% if is_credit_note %}Please find attached our credit note <strong>{{ invoice_number }}</strong> of {{ issue_date }}.{% else %}Please find attached our invoice <strong>{{ invoice_number }}</strong> of {{ issue_date }}: <strong>{{ amount_due }}</strong>, due on {{ due_date }}.{% endif %}</p>
        <p>The PDF carries the invoice data (Factur-X) for your accounting software.</p>
        """ + LinksHtml + """
        <p>Kind regards,<br>{{ seller_name }}</p>
        </body></html>
        """;
}
