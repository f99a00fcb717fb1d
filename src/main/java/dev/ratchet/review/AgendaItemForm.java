package dev.ratchet.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An item the organisation adds to the agenda after the inputs of clause 9.3.2. */
public class AgendaItemForm implements java.io.Serializable {

    @NotBlank(message = "Name the agenda item, such as \"Budget for the next certification cycle\"")
    @Size(max = 200, message = "An agenda item can have at most 200 characters")
    private String title;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
}
