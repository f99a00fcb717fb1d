package dev.ratchet.objective;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An objective as a form and an API body. */
public class ObjectiveForm implements java.io.Serializable {

    @NotBlank(message = "Say what the objective is, such as \"Patch critical vulnerabilities quickly\"")
    @Size(max = 300, message = "The objective can have at most 300 characters")
    private String title;

    @NotBlank(message = "Say what is measured, such as \"Share of critical patches applied within 14 days\"")
    @Size(max = 1000, message = "The measure can have at most 1000 characters")
    private String measure;

    @Size(max = 40, message = "The unit can have at most 40 characters")
    private String unit;

    @NotNull(message = "Give the target value")
    private BigDecimal target;

    @NotNull(message = "Say whether the value should be at least or at most the target")
    private Direction direction = Direction.AT_LEAST;

    @NotNull(message = "Say how often it is measured")
    private Frequency frequency = Frequency.MONTHLY;

    private UUID ownerId;

    @Size(max = 1000, message = "The data source can have at most 1000 characters")
    private String dataSource;

    private Long version;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getMeasure() { return measure; }
    public void setMeasure(String measure) { this.measure = measure; }
    public String getUnit() { return unit; }
    public void setUnit(String unit) { this.unit = unit; }
    public BigDecimal getTarget() { return target; }
    public void setTarget(BigDecimal target) { this.target = target; }
    public Direction getDirection() { return direction; }
    public void setDirection(Direction direction) { this.direction = direction; }
    public Frequency getFrequency() { return frequency; }
    public void setFrequency(Frequency frequency) { this.frequency = frequency; }
    public UUID getOwnerId() { return ownerId; }
    public void setOwnerId(UUID ownerId) { this.ownerId = ownerId; }
    public String getDataSource() { return dataSource; }
    public void setDataSource(String dataSource) { this.dataSource = dataSource; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
