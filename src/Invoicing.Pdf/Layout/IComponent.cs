namespace Invoicing.Pdf.Layout;

/// <summary>A part of a document that draws itself into the page flow, starting at the flow's current position.</summary>
internal interface IComponent
{
    /// <summary>Draws the component and advances <see cref="PageFlow.Y"/> past it, breaking pages as needed.</summary>
    void Compose(PageFlow flow);
}
