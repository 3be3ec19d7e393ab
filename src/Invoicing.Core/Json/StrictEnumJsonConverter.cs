using System.Text.Json.Serialization;

namespace Invoicing.Core.Json;

/// <summary>Enums as their names only: an integer would smuggle in a value the enum does not define.</summary>
internal sealed class StrictEnumJsonConverter<TEnum>() : JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues: false)
    where TEnum : struct, Enum;
