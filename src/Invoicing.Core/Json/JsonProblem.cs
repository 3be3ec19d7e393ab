namespace Invoicing.Core.Json;

/// <summary>What is wrong with a JSON input, in a user's words, and where (<c>lines[0].quantity</c>; null for the whole text).</summary>
internal readonly record struct JsonProblem(string Message, string? Path = null);
