package vn.motcua.device.kiosk.touch;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The priority classes a citizen can choose on the touch page. Their codes are in the hub's default rules and in
 * every office profile shipped ({@code config/offices/*.json}); an office whose rules lack one gets the hub's refusal,
 * which the page shows. MERIT and SMALL_CHILD are left to the officers: a citizen cannot prove them at a screen.
 */
enum PriorityChoice {
    ELDERLY("Người cao tuổi", "Elderly"),
    DISABLED("Người khuyết tật", "People with disabilities"),
    PREGNANT("Phụ nữ mang thai", "Pregnant women");

    final String nameVi;
    final String nameEn;

    PriorityChoice(String nameVi, String nameEn) {
        this.nameVi = nameVi;
        this.nameEn = nameEn;
    }

    static Optional<PriorityChoice> of(String code) {
        return Stream.of(values()).filter(choice -> choice.name().equals(code)).findFirst();
    }
}
