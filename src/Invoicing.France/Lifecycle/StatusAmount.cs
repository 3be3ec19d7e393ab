using Invoicing.Core;

namespace Invoicing.France;

/// <summary>
/// An amount a status carries (MDG-43, ram:SpecifiedDocumentCharacteristic): the amount cashed for 212, the amount
/// approved or not for 206, a payment for 211.
/// </summary>
/// <param name="Type">Its type (MDT-207): one of <see cref="StatusAmountTypes"/>.</param>
/// <param name="Amount">The amount (MDT-215).</param>
/// <param name="Currency">Its currency, when given.</param>
/// <param name="VatRate">The VAT rate the amount is subject to, in percent (MDT-224): required with 212 "cashed".</param>
public sealed record StatusAmount(string Type, decimal Amount, Currency? Currency = null, decimal? VatRate = null);
