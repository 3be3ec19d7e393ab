namespace Invoicing.Dunning;

/// <summary>The built-in French templates.</summary>
internal static class FrenchTemplates
{
    private const string Costs = """
        {% if has_late_costs %}
        Conformément à l'article L441-10 du Code de commerce, tout retard de paiement entraîne des pénalités au taux annuel de {{ annual_rate }} ({{ interest }} à ce jour, {{ days_late }} jours) et une indemnité forfaitaire pour frais de recouvrement de {{ indemnity }}.
        {% endif %}{% if has_fee %}Frais de relance : {{ fee }}.
        {% endif %}
        """;

    private const string CostsHtml = """
        {% if has_late_costs %}<p>Conformément à l'article L441-10 du Code de commerce, tout retard de paiement entraîne des pénalités au taux annuel de {{ annual_rate }} (<strong>{{ interest }}</strong> à ce jour, {{ days_late }} jours) et une indemnité forfaitaire pour frais de recouvrement de <strong>{{ indemnity }}</strong>.</p>{% endif %}
        {% if has_fee %}<p>Frais de relance : {{ fee }}.</p>{% endif %}
        """;

    private const string Links = """
        {% if payment_link != blank %}Payer en ligne : {{ payment_link }}
        {% endif %}{% if portal_link != blank %}Vos factures : {{ portal_link }}
        {% endif %}
        """;

    private const string LinksHtml = """
        {% if payment_link != blank %}<p><a href="{{ payment_link }}">Payer en ligne</a></p>{% endif %}
        {% if portal_link != blank %}<p><a href="{{ portal_link }}">Consulter vos factures</a></p>{% endif %}
        """;

    public const string FriendlySubject = "{% if days_late > 0 %}Rappel : la facture {{ invoice_number }} est échue{% else %}Facture {{ invoice_number }} : échéance le {{ due_date }}{% endif %}";

    public const string FriendlyText = """
        Bonjour {{ customer_name }},

        {% if days_late > 0 %}Notre facture {{ invoice_number }} était payable le {{ due_date }} ; {{ amount_due }} restent à régler.{% elsif days_before_due > 0 %}Pour rappel, notre facture {{ invoice_number }} d'un montant de {{ amount_due }} arrive à échéance le {{ due_date }}, dans {{ days_before_due }} jours.{% else %}Notre facture {{ invoice_number }} d'un montant de {{ amount_due }} arrive à échéance aujourd'hui, le {{ due_date }}.{% endif %}
        Si vous avez déjà réglé, merci de ne pas tenir compte de ce message.

        """ + Links + """

        Cordialement,
        {{ seller_name }}
        """;

    public const string FriendlyHtml = """
        <html><body>
        <p>Bonjour {{ customer_name }},</p>
        <p>{% if days_late > 0 %}Notre facture <strong>{{ invoice_number }}</strong> était payable le {{ due_date }} ; <strong>{{ amount_due }}</strong> restent à régler.{% elsif days_before_due > 0 %}Pour rappel, notre facture <strong>{{ invoice_number }}</strong> d'un montant de <strong>{{ amount_due }}</strong> arrive à échéance le {{ due_date }}, dans {{ days_before_due }} jours.{% else %}Notre facture <strong>{{ invoice_number }}</strong> d'un montant de <strong>{{ amount_due }}</strong> arrive à échéance aujourd'hui, le {{ due_date }}.{% endif %}</p>
        <p>Si vous avez déjà réglé, merci de ne pas tenir compte de ce message.</p>
        """ + LinksHtml + """
        <p>Cordialement,<br>{{ seller_name }}</p>
        </body></html>
        """;

    public const string FirmSubject = "Relance : facture {{ invoice_number }} impayée depuis {{ days_late }} jours ({{ amount_due }})";

    public const string FirmText = """
        Bonjour {{ customer_name }},

        Notre facture {{ invoice_number }}, échue le {{ due_date }}, est en retard de {{ days_late }} jours. {{ amount_due }} restent impayés.
        Merci de procéder au règlement sans délai.
        """ + Costs + Links + """

        Cordialement,
        {{ seller_name }}
        """;

    public const string FirmHtml = """
        <html><body>
        <p>Bonjour {{ customer_name }},</p>
        <p>Notre facture <strong>{{ invoice_number }}</strong>, échue le {{ due_date }}, est en retard de {{ days_late }} jours. <strong>{{ amount_due }}</strong> restent impayés.</p>
        <p>Merci de procéder au règlement sans délai.</p>
        """ + CostsHtml + LinksHtml + """
        <p>Cordialement,<br>{{ seller_name }}</p>
        </body></html>
        """;

    public const string FormalSubject = "Mise en demeure : facture {{ invoice_number }}, {{ total_claimed }} dus";

    public const string FormalText = """
        {{ customer_name }},

        MISE EN DEMEURE. Malgré nos relances, la facture {{ invoice_number }}, échue le {{ due_date }}, reste impayée après {{ days_late }} jours.
        Nous vous mettons en demeure de régler {{ amount_due }}, majorés des pénalités de retard de {{ interest }} et de l'indemnité forfaitaire de recouvrement de {{ indemnity }}, soit {{ total_claimed }}.
        {% if has_fee %}Frais de mise en demeure : {{ fee }}.
        {% endif %}À défaut de paiement sous 8 jours, nous engagerons une procédure de recouvrement sans autre avis.

        """ + Links + """

        {{ seller_name }}
        """;

    public const string FormalHtml = """
        <html><body>
        <p>{{ customer_name }},</p>
        <p><strong>MISE EN DEMEURE.</strong> Malgré nos relances, la facture <strong>{{ invoice_number }}</strong>, échue le {{ due_date }}, reste impayée après {{ days_late }} jours.</p>
        <p>Nous vous mettons en demeure de régler <strong>{{ amount_due }}</strong>, majorés des pénalités de retard de {{ interest }} et de l'indemnité forfaitaire de recouvrement de {{ indemnity }}, soit <strong>{{ total_claimed }}</strong>.</p>
        {% if has_fee %}<p>Frais de mise en demeure : {{ fee }}.</p>{% endif %}
        <p>À défaut de paiement sous 8 jours, nous engagerons une procédure de recouvrement sans autre avis.</p>
        """ + LinksHtml + """
        <p>{{ seller_name }}</p>
        </body></html>
        """;

    public const string InvoiceSubject = "{% if is_credit_note %}Avoir{% else %}Facture{% endif %} {{ invoice_number }} de {{ seller_name }}";

    public const string InvoiceText = """
        Bonjour {{ customer_name }},

        {% if is_credit_note %}Veuillez trouver ci-joint notre avoir {{ invoice_number }} du {{ issue_date }}.{% else %}Veuillez trouver ci-joint notre facture {{ invoice_number }} du {{ issue_date }} : {{ amount_due }}, à régler le {{ due_date }} au plus tard.{% endif %}
        Le PDF contient les données de la facture (Factur-X) pour votre logiciel comptable.

        """ + Links + """

        Cordialement,
        {{ seller_name }}
        """;

    public const string InvoiceHtml = """
        <html><body>
        <p>Bonjour {{ customer_name }},</p>
        <p>{% if is_credit_note %}Veuillez trouver ci-joint notre avoir <strong>{{ invoice_number }}</strong> du {{ issue_date }}.{% else %}Veuillez trouver ci-joint notre facture <strong>{{ invoice_number }}</strong> du {{ issue_date }} : <strong>{{ amount_due }}</strong>, à régler le {{ due_date }} au plus tard.{% endif %}</p>
        <p>Le PDF contient les données de la facture (Factur-X) pour votre logiciel comptable.</p>
        """ + LinksHtml + """
        <p>Cordialement,<br>{{ seller_name }}</p>
        </body></html>
        """;
}
