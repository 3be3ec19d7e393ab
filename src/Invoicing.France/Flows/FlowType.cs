using System.Text.Json.Serialization;

namespace Invoicing.France;

/// <summary>What a flow carries (XP Z12-013 <c>FlowType</c>): an invoice, its lifecycle (LC) or a report, seen from our side.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FlowType>))]
public enum FlowType
{
    /// <summary>CustomerInvoice: Customer invoice.</summary>
    CustomerInvoice,

    /// <summary>SupplierInvoice: Supplier invoice.</summary>
    SupplierInvoice,

    /// <summary>CustomerInvoiceLC: Customer invoice lifecycle.</summary>
    [JsonStringEnumMemberName("CustomerInvoiceLC")]
    CustomerInvoiceLifecycle,

    /// <summary>SupplierInvoiceLC: Supplier invoice lifecycle.</summary>
    [JsonStringEnumMemberName("SupplierInvoiceLC")]
    SupplierInvoiceLifecycle,

    /// <summary>StateCustomerInvoiceLC: State customer invoice lifecycle.</summary>
    [JsonStringEnumMemberName("StateCustomerInvoiceLC")]
    StateCustomerInvoiceLifecycle,

    /// <summary>StateSupplierInvoiceLC: State supplier invoice lifecycle.</summary>
    [JsonStringEnumMemberName("StateSupplierInvoiceLC")]
    StateSupplierInvoiceLifecycle,

    /// <summary>AggregatedCustomerTransactionReport: Aggregated customer transaction report.</summary>
    AggregatedCustomerTransactionReport,

    /// <summary>UnitaryCustomerTransactionReport: Unitary customer transaction report.</summary>
    UnitaryCustomerTransactionReport,

    /// <summary>AggregatedCustomerPaymentReport: Aggregated customer payment report.</summary>
    AggregatedCustomerPaymentReport,

    /// <summary>UnitaryCustomerPaymentReport: Unitary customer payment report.</summary>
    UnitaryCustomerPaymentReport,

    /// <summary>UnitarySupplierTransactionReport: Unitary supplier transaction report.</summary>
    UnitarySupplierTransactionReport,

    /// <summary>MultiFlowReport: Multi flow report.</summary>
    MultiFlowReport,

    /// <summary>StateCustomerInvoice: State customer invoice.</summary>
    StateCustomerInvoice,

    /// <summary>StateSupplierInvoice: State supplier invoice.</summary>
    StateSupplierInvoice,

    /// <summary>StateTransactionReport: State transaction report.</summary>
    StateTransactionReport,

    /// <summary>StateTransactionReportLC: State transaction report lifecycle.</summary>
    [JsonStringEnumMemberName("StateTransactionReportLC")]
    StateTransactionReportLifecycle,

    /// <summary>StatePaymentReport: State payment report.</summary>
    StatePaymentReport,

    /// <summary>StatePaymentReportLC: State payment report lifecycle.</summary>
    [JsonStringEnumMemberName("StatePaymentReportLC")]
    StatePaymentReportLifecycle,

    /// <summary>Undefined: Undefined.</summary>
    Undefined,
}
